import pytest

from assistant.errors import SettingsError
from assistant.settings import Settings, load_settings


def test_every_setting_is_described():
    for name, field in Settings.model_fields.items():
        assert field.description, name


def test_environment_overrides_with_prefix(monkeypatch, tmp_path):
    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MUSEUM_QA_LLM", "ollama:llama3.1:8b")
    settings = load_settings()
    assert settings.data_dir == tmp_path and settings.llm == "ollama:llama3.1:8b"
    assert settings.chroma_path == tmp_path / "chroma"


def test_default_data_dir_is_not_the_repo():
    from pathlib import Path

    assert Path(__file__).resolve().parent.parent not in Settings().data_dir.parents


@pytest.mark.parametrize(
    "var,value",
    [
        ("MUSEUM_QA_LLM", "chatgpt"),
        ("MUSEUM_QA_TOP_K", "0"),
        ("MUSEUM_QA_MIN_RELEVANCE", "2"),
        ("MUSEUM_QA_PHONE_REGIONS", '["GB", "XX"]'),
    ],
)
def test_bad_values_give_one_clear_message(monkeypatch, var, value):
    monkeypatch.setenv(var, value)
    with pytest.raises(SettingsError, match=var):
        load_settings()


def test_phone_regions_are_country_codes_in_upper_case(monkeypatch):
    monkeypatch.setenv("MUSEUM_QA_PHONE_REGIONS", '["it", " es", "IT"]')
    assert load_settings().phone_regions == ["IT", "ES"]
