"""Sentence splitting from many threads at once, as ``museum-qa serve`` answers visitors.

The API answers in a thread pool (and Streamlit runs one thread per session), and every answer
splits passages into sentences to verify them. pysbd's ``Segmenter`` keeps the text being split
on the instance (``segment`` sets ``self.original_text`` and later searches the sentences in
it), so one segmenter shared by all threads returns ``[]`` or the wrong sentences when two
threads split at once. Under the HTTP load benchmark that surfaced as 500s ("max() arg is an
empty sequence" in the verifier) and as verified sentences dropped for no reason.
"""

from __future__ import annotations

import sys
import threading

from assistant.text import split_sentences

THREADS = 8


def test_threads_splitting_sentences_at_once_each_get_their_own_sentences():
    texts = [
        f"Object {i} was made in {1600 + i}. It is kept in room {i}. Its maker is unknown."
        for i in range(THREADS)
    ]
    expected = {t: split_sentences(t) for t in texts}
    assert all(len(v) == 3 for v in expected.values())
    wrong: list[list[str]] = []
    barrier = threading.Barrier(THREADS)

    def split_often(text: str) -> None:
        barrier.wait()
        for _ in range(300):
            got = split_sentences(text)
            if got != expected[text]:
                wrong.append(got)

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often: the race shows at once
    try:
        threads = [threading.Thread(target=split_often, args=(t,)) for t in texts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(switch)
    assert wrong == []
