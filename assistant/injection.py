"""Recognise text that tries to instruct the assistant, in a question or in a source.

Source text is data: an instruction inside a vetted passage is never followed and never quoted,
and ingest flags it for a curator. A question that tries to override the rules is refused.
"""

from __future__ import annotations

import re

from assistant.text import fold

_PATTERNS = [
    r"\bignore (all |any |the |your |previous |prior |above |earlier )+"
    r"(instructions|rules|prompts?|guidelines|directions|sources)",
    r"\b(disregard|forget|override|bypass) (all |any |the |your |previous |prior )*"
    r"(instructions|rules|prompts?|guidelines|sources|restrictions)",
    r"\b(system prompt|developer mode|jailbreak|dan mode)\b",
    r"\byou (are|will) now\b",
    r"\b(from now on|new instructions?)\b",
    r"\b(pretend|act as if|roleplay as|role-play as) (you are|you're|to be)\b",
    r"\b(reveal|print|show|repeat) (your|the) (instructions|prompt|rules|system)",
    r"^\s*(assistant|system)\s*:",
    r"\b(tell|inform) (all )?(visitors|users|the user) (that|to)\b",
    r"\b(always|must) (answer|say|respond|reply)\b",
    r"\bdo not cite\b|\bwithout (any )?citations?\b",
    r"(^|[.!?]\s+)(please |now )?(say|answer|respond|reply|write|output|print) "
    r"(only |exactly |just )?(that|with|the words?|\"|')",
]
_INSTRUCTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE | re.MULTILINE)


def looks_like_instruction(text: str) -> bool:
    """True when text addresses the assistant with orders rather than asking or describing."""
    return bool(_INSTRUCTION.search(fold(text)))
