"""Large text and high contrast: switched on by the reader, kept across pages, switched off again."""


def test_large_text_and_high_contrast_stay_on(client):
    client.get("/display/large/on?next=/")
    client.get("/display/contrast/on?next=/")
    page = client.get("/").text
    assert 'class="contrast-high text-large"' in page
    assert "/display/large/off" in page and "/display/contrast/off" in page  # the links now switch back
    client.get("/display/large/off?next=/")
    assert 'class="contrast-high"' in client.get("/").text


def test_display_switch_ignores_unknown_options_and_foreign_targets(client):
    response = client.get("/display/rainbow/on?next=//evil.example")
    assert response.headers["Location"].endswith("/")
    assert '<html lang="zh-Hans">' in client.get("/").text
