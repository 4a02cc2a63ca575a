"""The sentence-verifier benchmark: sentence/passage pairs from real curatorial text, and a runner.

``python -m bench.verifier.build`` makes ``bench/verifier/data/pairs.jsonl`` (committed);
``python -m bench.verifier.run`` runs today's ``assistant.verify.Verifier`` over it.
"""
