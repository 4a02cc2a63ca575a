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


# Only in a question: a curator's text may well say "written in the first person" or
# "confirm it", and that is description, not an order.
_QUESTION_ONLY = [
    r"\b(roleplay|role-play|role play|impersonate)\b",
    r"\bpretend (to be|that|you)\b",
    r"\b(answer|speak|reply|respond|write|talk) (as if you were|as|like) (?!a visitor)\w+",
    r"\b(tell|answer|speak|write|reply|respond|talk)\b[^.?!]*\bin the first person\b",
    r"\b(unrestricted|uncensored|unfiltered|god|admin|debug|maintenance|developer) mode\b",
    r"\bswitch (to|into) \w+ mode\b",
    r"(^|[.!?]\s+)(override|admin|sudo|root|instruction|command)\s*:",
    r"(^|[.!?:]\s+)(please |now |just )?(confirm|agree|admit|state|declare) "
    r"(it|this|that|the claim)\b[^?]*$",
    r"\bwrite (a |an |the )?(museum |wall |object )?(label|caption|text|post|tweet|"
    r"press release)\b[^?]*\b(saying|stating|that says|claiming)\b",
    r"\b(forget|ignore|disregard|skip|bypass) (about )?(ur |your |the |all |any |my )*"
    r"(museum |vetted )?(texts?|sources?|passages?|documents?|verification|citations?|rules|"
    r"instructions)\b",
    r"\binstead of (citing|using|quoting) (the |your )?(sources|texts|passages)\b",
    r"\b(system|admin) override\b|^\W*#+\s*system\b",
    r"\b(your|ur) (instructions|system prompt|prompt|programming|guidelines|configuration)\b",
    r"\b(raw json|chunk ids?|retrieved passages|relevance scores|embedding scores)\b",
    r"\bi (hereby )?(authori[sz]e|order|command|instruct|permit) you\b",
]
# The same orders in the other languages visitors ask in (folded: no accents): overriding
# the rules, a new rule or persona, a mode, a sentence to begin or end with or to write, an
# answer of one word, the instructions to reveal.
_OTHER_LANGUAGES = {
    "fr": [
        r"\b(ignore|ignorez|oublie|oubliez) (toutes |tous |les |tes |vos |ses |precedentes )*"
        r"(instructions|consignes|regles|sources)\b",
        r"\b(nouvelle regle|nouvelles (instructions|consignes)|a partir de maintenant,? tu|"
        r"desormais,? tu|tu es (maintenant|desormais))\b",
        r"\bmode (developpeur|sans restriction|debug|admin)\b",
        r"\b(commence|commencez|termine|terminez|finis|conclus) (ta|votre|chaque) reponse\b",
        r"\b(reponds|repondez) (uniquement|seulement) (par|avec)\b",
        r"\b(ecris|ecrivez) que\b|\b(dis|dites) que\b",
        r"\bsans (aucune )?regles?\b|\b(instructions|consignes) secretes\b",
    ],
    "de": [
        r"\b(ignoriere|ignorier|ignorieren sie|vergiss|vergessen sie|missachte) (alle |deine |"
        r"ihre |die |bisherigen |vorherigen |vorigen )*(anweisungen|regeln|vorgaben|quellen|"
        r"instruktionen)\b",
        r"\b(neue regel|neue anweisungen?|ab (jetzt|sofort) (bist|antwortest|sagst) du|"
        r"du bist (jetzt|ab jetzt|nun|ab sofort))\b",
        r"\b(entwickler-?modus|admin-?modus|debug-?modus)\b",
        r"\b(beginne|beende|schliesse|starte) (deine|ihre|jede) antwort\b",
        r"\b(antworte|antworten sie) (nur|ausschliesslich) mit\b",
        r"\b(schreib|schreibe|schreiben sie|sag|sage|sagen sie),? dass\b",
        r"\bohne regeln\b|\bgeheimen? (anweisungen|instruktionen)\b",
    ],
    "nl": [
        r"\b(negeer|vergeet) (alle |al |je |jouw |uw |de |eerdere |vorige )*(instructies|regels|"
        r"bronnen|opdrachten)\b",
        r"\b(nieuwe regel|nieuwe instructies|vanaf nu (ben|antwoord|zeg) je|"
        r"je bent (nu|vanaf nu))\b",
        r"\b(ontwikkelaarsmodus|ontwikkelaarmodus|beheerdersmodus)\b",
        r"\b(begin|beeindig|eindig|sluit) (je|jouw|uw|elk) antwoord\b",
        r"\b(antwoord|antwoordt) (alleen|uitsluitend) met\b",
        r"\b(schrijf|zeg) dat\b",
        r"\bzonder regels\b|\bgeheime instructies\b",
    ],
    "es": [
        r"\b(ignora|olvida|ignore|olvide) (todas |todos |tus |sus |las |los |anteriores |"
        r"previas )*(instrucciones|reglas|normas|fuentes)\b",
        r"\b(nueva regla|nuevas instrucciones|a partir de ahora (eres|responde|di)|"
        r"ahora eres)\b",
        r"\bmodo (desarrollador|sin restricciones|administrador|depuracion)\b",
        r"\b(empieza|comienza|termina|acaba|cierra) (tu|su|cada) respuesta\b",
        r"\b(responde|contesta) (solo|solamente|unicamente) con\b",
        r"\b(escribe|escriba|di|diga) que\b",
        r"\bsin reglas\b|\binstrucciones secretas\b",
    ],
    "it": [
        r"\b(ignora|dimentica|ignori|dimentichi) (tutte |tutti |le |i |tue |sue |"
        r"precedenti )*(istruzioni|regole|fonti|indicazioni)\b",
        r"\b(nuova regola|nuove istruzioni|da (adesso|ora) in poi|d'ora in poi|ora sei)\b",
        r"\bmodalita (sviluppatore|sviluppo|amministratore|debug|senza restrizioni)\b",
        r"\b(inizia|comincia|chiudi|termina|finisci) (la tua|ogni|la) risposta\b",
        r"\b(rispondi|risponda) (solo|soltanto|unicamente) con\b",
        r"\b(scrivi|scriva) che\b",
        r"\bsenza regole\b|\bistruzioni segrete\b",
    ],
}
_QUESTION_INSTRUCTION = re.compile(
    "|".join(
        f"(?:{p})" for p in _QUESTION_ONLY + [p for ps in _OTHER_LANGUAGES.values() for p in ps]
    ),
    re.IGNORECASE | re.MULTILINE,
)


def steers_the_assistant(question: str) -> bool:
    """True when a visitor's question gives the assistant orders.

    A persona to play, a mode to switch to, a claim to confirm or a text to write: the answer
    to each is a refusal.
    """
    return looks_like_instruction(question) or bool(_QUESTION_INSTRUCTION.search(fold(question)))
