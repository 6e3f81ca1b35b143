"""The Indeks Inovasi Daerah (IID, Kemendagri's Innovative Government Award) and replication from other
regions: `editions.py` reads iid_editions.toml, `evidence.py` the tiers each indicator reaches,
`scoring.py` the SID, SPD, index, predikat and what-if, `similar.py` the replication library's search."""
