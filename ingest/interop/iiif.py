"""stub"""
from ingest.interop.common import NotThisFormat


def records(parsed):
    raise NotThisFormat("not yet")
