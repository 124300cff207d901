"""What a resident sees: home, the draft with its table of contents, each article, memo and search."""

from factories import draft_text, make_draft

NESTED = """滨海市绿道条例（草案）

目　　录
第一章　总　　则
第二章　建设与管理

第一章　总　　则

第一条　为了规范绿道建设，制定本条例。

第二条　本条例适用于本市绿道。

第二章　建设与管理

第一节　规　　划

第三条　绿道规划应当公开征求意见。

第三条之一　绿道规划应当包括下列内容：
（一）线路走向；
（二）服务设施。
前款规划每五年评估一次。

第二节　管　　理

第四条　禁止在绿道内驾驶机动车。
"""


def test_home_lists_open_consultations_first_with_days_left_and_article_count(client):
    make_draft(articles=4, slug="closed-one", status="closed")
    make_draft(articles=7, slug="open-one", status="open")
    make_draft(articles=2, slug="unpublished", status="draft")
    page = client.get("/").text
    assert page.index("/drafts/open-one") < page.index("/drafts/closed-one")
    assert "/drafts/unpublished" not in page
    assert "共 7 条" in page
    assert "还剩 10 天" in page


def test_unpublished_draft_is_not_public(client):
    make_draft(slug="secret", status="draft")
    assert client.get("/drafts/secret").status_code == 404


def test_draft_page_has_toc_and_an_anchor_for_every_article(client):
    make_draft(slug="greenway", text=NESTED)
    page = client.get("/drafts/greenway").text
    for anchor in ("article-1", "article-2", "article-3", "article-3-1", "article-4"):
        assert f'id="{anchor}"' in page
        assert f'href="#{anchor}"' in page
    assert "第一节 规划" in page
    assert "（二）服务设施。" in page


def test_article_page_shows_text_chapter_and_neighbours(client):
    make_draft(slug="greenway", text=NESTED)
    response = client.get("/drafts/greenway/articles/3-1")
    assert response.status_code == 200
    page = response.text
    assert "<h1" in page and "第三条之一" in page
    assert "前款规划每五年评估一次。" in page
    assert "第二章 建设与管理" in page and "第一节 规划" in page
    assert 'href="/drafts/greenway/articles/3"' in page
    assert 'href="/drafts/greenway/articles/4"' in page


def test_unknown_article_is_404(client):
    make_draft(slug="greenway", text=NESTED)
    assert client.get("/drafts/greenway/articles/99").status_code == 404
    assert client.get("/drafts/greenway/articles/abc").status_code == 404


def test_memo_page(client):
    make_draft(slug="greenway", memo="## 一、立法必要性\n\n绿道是城市的慢行系统。")
    page = client.get("/drafts/greenway/memo").text
    assert "<h2>一、立法必要性</h2>" in page
    assert "绿道是城市的慢行系统。" in page


def test_memo_typed_in_a_browser_keeps_its_paragraphs_and_the_title_its_brackets(client, login):
    consultation = make_draft(slug="lift")
    login("drafter")
    typed = "## 一、必要性\r\n\r\n第一段。\r\n\r\n第二段。"  # what a textarea sends
    response = client.post(
        f"/staff/consultations/{consultation.id}",
        data={"title": "滨海市既有住宅加装电梯条例（草案）", "slug": "lift", "memo": typed},
    )
    assert response.status_code == 302
    page = client.get("/drafts/lift/memo").text
    assert "<h2>一、必要性</h2>" in page and "<p>第一段。</p>" in page and "<p>第二段。</p>" in page
    assert "关于《滨海市既有住宅加装电梯条例（草案）》的起草说明" in page


def test_search_finds_articles_by_words(client):
    make_draft(slug="greenway", text=NESTED)
    page = client.get("/drafts/greenway/search", query_string={"q": "机动车"}).text
    assert "/drafts/greenway/articles/4" in page
    assert '/drafts/greenway/articles/1"' not in page
    both = client.get("/drafts/greenway/search", query_string={"q": "绿道 公开"}).text
    assert '/drafts/greenway/articles/3"' in both
    assert '/drafts/greenway/articles/4"' not in both


def test_search_input_is_shown_back_as_text(client):
    make_draft(slug="greenway", text=NESTED)
    page = client.get("/drafts/greenway/search", query_string={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_english_interface(client):
    make_draft(slug="greenway", text=NESTED)
    client.get("/language/en?next=/")
    page = client.get("/drafts/greenway").text
    assert '<html lang="en">' in page
    assert "Contents" in page
    assert "第三条之一" in page  # the draft itself is never translated


def test_scheduled_consultation_says_when_it_opens(client):
    make_draft(slug="later", status="scheduled", text=draft_text(2))
    assert "将于" in client.get("/drafts/later").text


def test_search_uses_residents_words_and_highlights_the_law_s(client):
    """The demo park regulation writes 犬只, 噪声 and 电动自行车; residents type 遛狗, 噪音 and 电动车."""
    from consult.demo.loader import load_demo
    from consult.extensions import db

    load_demo()
    db.session.commit()
    for query, word in (("遛狗", "犬"), ("噪音", "噪声"), ("电动车", "电动自行车")):
        page = client.get("/drafts/park-regulation/search", query_string={"q": query}).text
        assert "找到" in page and f"<mark>{word}" in page, query
    page = client.get("/drafts/park-regulation/search", query_string={"q": "核电站"}).text
    assert "没有找到含有“核电站”的条文" in page and "或者从目录中查找" in page


def test_search_ranks_articles_holding_more_of_the_words_first(client):
    make_draft(slug="greenway", text=NESTED)
    page = client.get("/drafts/greenway/search", query_string={"q": "绿道 机动车"}).text
    assert "/drafts/greenway/articles/" in page
