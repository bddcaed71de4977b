"""The web app on the ledger: browse it, check each entry against its evidence, correct it (``aidledger serve``)."""

from aidledger.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
