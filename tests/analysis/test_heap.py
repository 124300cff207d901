"""Memory housekeeping of bulk work."""

import gc

import pytest

from consult.analysis.heap import collection_paused


@pytest.fixture
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on):
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_work_fails(collector_on):
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("build failed")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off(collector_on):
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()
