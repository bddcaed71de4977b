"""The ledger: every stored article, each commitment it reports (a mention), and the packages they merge into.

>>> from aidledger.ledger import Ledger
>>> ledger = Ledger("aidledger.db")          # or a SQLAlchemy URL; migrations run on open
>>> ledger.add(document, extraction)         # one transaction per article
"""

from aidledger.ledger.store import Ledger, Stored

__all__ = ["Ledger", "Stored"]
