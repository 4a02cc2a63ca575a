"""What a question in another language asks for: a table of question words per language.

The English reader finds what is asked with its own tables and parser (cues.py, parse.py).
In French, Dutch, German, Spanish and Italian the question words that ask for a catalogue
field or a reason are few and fixed ("qui a peint", "wann", "waarvan", "¿por qué?",
"quanti"), so a small table per language reads them; whatever else is asked is ranked by
meaning (assistant.relatedness). Patterns match the folded text (lower case, no accents).
A language without a table asks for nothing in particular, and is ranked by meaning alone.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.text import fold

# Per language: what is asked -> the pattern of its question words. "creator", "date",
# "medium", "place" and "found" (where it turned up) are catalogue fields; "reason" and
# "count" are other asks; "overview" asks to be told about the object ("Parlez-moi de ...").
TABLES: dict[str, dict[str, str]] = {
    "fr": {
        # How the museum got it: "quand le musée l'a-t-il acquis ?", "qui l'a donné ?".
        "credit": r"\b(acquis|achete|obtenu|recu|donne|legue|offert)e?s?\b[^?]*\b(musee|"
        r"collection)\b|\b(musee|collection)\b[^?]*\b(acquis|achete|obtenu|recu)e?s?\b|"
        r"\bqui (l'a|les a) (donne|legue|offert)\b|\bmention d'acquisition\b",
        "creator": r"\bqui (a|l'a|les a|avait) (peint|fait|cree|sculpte|realise|dessine|grave|"
        r"fabrique|concu|construit|modele|signe)|\bde qui est\b|\bqui (en )?est l'auteur\b|"
        r"\bquel(le)? (artiste|peintre|sculpteur|orfevre|atelier)\b",
        "date": r"\bquand\b|\ben quelle annee\b|\bde quelle (annee|epoque|date)\b|"
        r"\bquelle date\b|\bquel siecle\b|\bquel age\b|\bdepuis quelle annee\b",
        "medium": r"\ben quoi\b|\bde quoi (est|sont)\b|\ben quel(le)? (matiere|materiau|metal|"
        r"pierre|bois)\b|\bquel(le)? (matiere|materiau|pigment|metal|pierre|bois)\b",
        # "ou" is also "or" once folded: only "où" that opens a question or a verb after it.
        "place": r"^ou\b|\bd'ou\b|\bou (est|sont|se trouv|a-t-|a ete|etait|peut-on|l'a)|"
        r"\bdans quel(le)? (ville|pays|region|endroit|lieu)\b",
        # "Où se trouve-t-il ?" asks where it is now, not where it was found.
        "found": r"(?<!\bse )\btrouvee?s?\b|\b(decouvert|exhume)e?s?\b|\bmise? au jour\b",
        "reason": r"\bpourquoi\b",
        "count": r"\bcombien\b",
        "overview": r"\bparle[sz]?-moi\b|\bracontez-moi\b|\bexpliquez-moi\b",
    },
    "de": {
        # "Wann hat das Museum es erworben?", "Wer hat es geschenkt?".
        "credit": r"\b(erworben|angekauft|geschenkt|vermacht|gestiftet)\b|"
        r"\b(museum|sammlung)\b[^?]*\b(gekauft|bekommen)\b|\bwie kam\b[^?]*\b(museum|sammlung)\b",
        # The verb ends the clause: "Wer hat die Nachtwache gemalt?"
        "creator": r"\bwer (hat|hatte)\b[^?]*\b(gemalt|geschaffen|gemacht|gebaut|geschnitzt|"
        r"gestaltet|gefertigt|entworfen|modelliert|gezeichnet|gestochen)\b|"
        r"\bwer (malte|schuf|machte|baute|schnitzte|gestaltete|fertigte|entwarf)\b|"
        r"\bvon wem (ist|stammt)\b|\bwelche[rsm]? (kunstler|maler|bildhauer|goldschmied)\b",
        "date": r"\bwann\b|\bin welchem jahr(hundert)?\b|\baus welche[rm] (jahr|zeit|"
        r"jahrhundert|epoche)\b|\bwie alt\b|\bseit welchem jahr\b",
        "medium": r"\bwor(aus|auf)\b|\baus welche[mr] (material|stoff|holz|stein|metall)\b|"
        r"\bwelche[sr]? (material|holz|stein|metall|pigment)\b",
        "place": r"\bwo\b|\bwoher\b|\bin welche[rm] (stadt|land|ort|gegend)\b",
        "found": r"\b(gefunden|entdeckt|ausgegraben)\b",
        "reason": r"\bwarum\b|\bwieso\b|\bweshalb\b",
        "count": r"\bwie viele?\b",
        "overview": r"\berzahl(en sie)? (mir|uns)\b|\berklar(en sie)? (mir|uns)\b",
    },
    "nl": {
        # "Wanneer heeft het museum het verworven?", "Wie heeft het geschonken?".
        "credit": r"\b(verworven|aangekocht|geschonken|nagelaten)\b|"
        r"\b(museum|collectie)\b[^?]*\b(gekocht|gekregen)\b|"
        r"\bhoe (is|kwam)\b[^?]*\b(museum|collectie)\b",
        "creator": r"\bwie (heeft|had)\b[^?]*\b(geschilderd|gemaakt|ontworpen|gebeeldhouwd|"
        r"gesneden|getekend|gegraveerd|vervaardigd)\b|\bwie (schilderde|maakte|ontwierp)\b|"
        r"\bvan wie is\b|\bdoor wie\b|\bwelke (kunstenaar|schilder|beeldhouwer)\b",
        "date": r"\bwanneer\b|\bin welk jaar\b|\buit welke? (jaar|tijd|eeuw|periode)\b|"
        r"\bhoe oud\b|\bsinds welk jaar\b",
        "medium": r"\bwaarvan\b|\bwaar (is|zijn)\b[^?]*\bvan gemaakt\b|\bvan welk(e)? "
        r"(materiaal|hout|steen|metaal)\b|\bwelk(e)? (materiaal|hout|steen|metaal)\b",
        "place": r"\bwaar(vandaan)?\b(?![^?]*\bvan gemaakt)|"
        r"\bin welke (stad|plaats|land|streek)\b",
        "found": r"\b(gevonden|ontdekt|opgegraven)\b",
        "reason": r"\bwaarom\b",
        "count": r"\bhoeveel\b",
        "overview": r"\bvertel (me|mij|ons)\b|\bleg (me|mij|ons) .* uit\b",
    },
    "es": {
        # "¿Cuándo lo adquirió el museo?", "¿Quién lo donó?".
        "credit": r"\b(adquiri\w*|compr[oó]\w*|recibi\w*|don[oó]|donad[oa]s?|leg[oó])\b[^?]*"
        r"\b(museo|coleccion)\b|\bquien (lo |la )?(dono|lego)\b",
        "creator": r"\bquien(es)? (lo |la |los |las )?(pinto|hizo|creo|esculpio|tallo|diseno|"
        r"fabrico|construyo|grabo|dibujo|ha pintado|ha hecho|es el autor)\b|\bde quien es\b|"
        r"\bque (artista|pintor|escultor|taller)\b",
        "date": r"\bcuando\b|\ben que ano\b|\bde que (ano|epoca|siglo)\b|\bque edad\b|"
        r"\bdesde que ano\b",
        "medium": r"\bde que (esta hech\w*|son|es|material|piedra|madera|metal)\b|"
        r"\bque (material|piedra|madera|metal|pigmento)\b",
        "place": r"\bdonde\b|\ben que (ciudad|pais|lugar|region)\b",
        "found": r"\b(encontrad|descubiert|desenterrad|hallad)[oa]s?\b",
        "reason": r"\bpor que\b|\bpara que\b",
        "count": r"\bcuant[oa]s?\b",
        "overview": r"\bhablame\b|\bcuenteme\b|\bcuentame\b|\bexpliqueme\b",
    },
    "it": {
        # "Quando l'ha acquistato il museo?", "Chi l'ha donato?".
        "credit": r"\b(acquisit|acquistat|ricevut|donat|lasciat)[oaie]\b[^?]*\b(museo|"
        r"collezione)\b|\b(museo|collezione)\b[^?]*\b(acquisit|acquistat|ricevut)[oaie]\b|"
        r"\bchi (l'ha|li ha|le ha) (donat|lasciat)[oaie]\b",
        "creator": r"\bchi (ha|l'ha|aveva) (dipinto|fatto|creato|scolpito|realizzato|disegnato|"
        r"inciso|fabbricato|costruito|modellato|intagliato)\b|\bchi e l'autore\b|\bdi chi e\b|"
        r"\bquale (artista|pittore|scultore|bottega)\b",
        "date": r"\bquando\b|\bin che anno\b|\bdi che (anno|epoca|secolo)\b|"
        r"\bquanti anni ha\b|\bda che anno\b",
        "medium": r"\bdi che (materiale|cosa e fatt\w*|pietra|legno|metallo)\b|"
        r"\bin che (materiale|pietra|legno|metallo)\b|\bche materiale\b",
        "place": r"\bdove\b|\bda dove\b|\bin quale (citta|paese|luogo|regione)\b",
        "found": r"\b(trovat|scopert|rinvenut|dissepolt)[oaie]\b",
        "reason": r"\bperche\b",
        "count": r"\bquant[iaoe]\b(?! anni ha)",
        "overview": r"\bparlami\b|\braccontami\b|\bspiegami\b",
    },
}

# Per language: a question that asks whether the museum holds one more thing beside the one
# it names: "do you also have / show ...", "is ... also on view", or the thing by its relation
# ("its pendant", "the other one of the pair", the portrait of a sitter's relative). The
# English reader finds such things in the parse (identify); in these languages their
# description is not read, only that it is asked.
ANOTHER: dict[str, str] = {
    "fr": r"\b(avez-vous|avez vous|possedez-vous|exposez-vous|montrez-vous|le musee (a|possede|"
    r"expose))\b[^?]*\b(aussi|egalement)\b|\b(aussi|egalement)\b[^?]*\b(avez-vous|"
    r"possedez-vous)\b|\b(un|son|le) pendant\b|\bl'autre\b[^?.]*\bde la paire\b"
    r"|\bportrait (de son|de sa|du|de la) (mari|femme|epouse|epoux|fils|fille|pere|mere|frere|"
    r"soeur)\b",
    "de": r"\b(haben sie|zeigen sie|besitzen sie|hat das museum|gibt es)\b[^?]*\bauch\b|"
    r"\bauch\b[^?]*\b(zu sehen|ausgestellt)\b|\bgegenstuck\b|\b(ein|das) pendant\b"
    r"|\b(portrat|bildnis) (ihres|seines|des|der) (mannes|ehemannes|frau|ehefrau|sohnes|"
    r"tochter|vaters|mutter|bruders|schwester)\b",
    "nl": r"\b(hebben jullie|heeft het museum|hangt|is|staat)\b[^?]*\book\b[^?]*\b(te zien|"
    r"in de collectie|in het museum)\b|\b(hangt|staat)\b[^?]*\ber ook\b|\btegenhanger\b"
    r"|\bportret van (haar|zijn|de) (man|echtgenoot|vrouw|echtgenote|zoon|dochter|vader|"
    r"moeder|broer|zus)\b",
    "es": r"\b(tienen|tiene el museo|exponen)\b[^?]*\btambien\b|\btambien\b[^?]*\b(tienen|"
    r"exponen)\b|\bademas del?\b[^?]*\b(tienen|exponen)\b|\bde la misma serie\b[^?]*"
    r"\btienen\b|\b(haria|hace|haga) pareja\b"
    r"|\bretrato (de su|del|de la) (marido|esposo|esposa|mujer|hijo|hija|padre|madre|"
    r"hermano|hermana)\b",
    "it": r"\b(avete|il museo ha|ha il museo|esponete)\b[^?]*\banche\b|\banche\b[^?]*\b(avete|"
    r"esposto|esposta|da vedere)\b|\boltre (a|al|alla|allo)\b[^?]*\bavete\b|"
    r"\b(un|il|suo) compagno\b"
    r"|\britratto (del|della|di su[oa]) (marito|moglie|figli[oa]|padre|madre|fratello|"
    r"sorella)\b",
}
# What a visitor may also ask to have that is no object: information, a photo, a plan.
NOT_OBJECTS: dict[str, str] = {
    "fr": r"\b(informations?|renseignements?|photos?|plan|audioguide|catalogue|visite)\b",
    "de": r"\b(informationen|auskunft|fotos?|plan|audioguide|katalog|fuhrung)\b",
    "nl": r"\b(informatie|foto'?s?|plattegrond|audiotour|catalogus|rondleiding)\b",
    "es": r"\b(informacion|fotos?|plano|audioguia|catalogo|visita)\b",
    "it": r"\b(informazioni|foto|pianta|audioguida|catalogo|visita)\b",
}

# Per language: the marks of a turn that states rather than only asks (English: cues.py). A
# tag that asks to be confirmed ("..., n'est-ce pas ?", "..., oder?", "..., toch?"), a hedge
# or a source the visitor cites ("je crois", "ich dachte", "mi profesor me dijo"), a turn
# that opens by contradicting ("Non, ...", "Aber ...") or challenges ("Weet u dat zeker?").
ASSERTING: dict[str, str] = {
    "fr": r"\b(n'est-ce pas|non|hein|vrai|exact|correct|c'est (bien )?ca)\s*\?\s*$|"
    r"\bje (crois|pense|suppose|suis (sure?|certaine?|convaincue?))\b|"
    r"\bj'(ai lu|ai entendu|avais lu|etais (sure?|certaine?|convaincue?))\b|\bon m'a dit\b|"
    r"\b(mon|ma) (guide|prof|professeure?|livre)\b|\bl'audioguide\b|\bje (jurerais|jure)\b|"
    r"\btout le monde (le )?sait\b|\ben fait\b|\bpourtant\b|\bvous etes sure?s?\b|"
    r"^(vraiment|vous etes sure?s?|sure?s?)\s*\?|^(non|mais|pourtant)\b",
    "de": r"\b(oder|nicht wahr|ne|richtig|stimmt('?s)?|gell|wahr|nicht)\s*\?\s*$|"
    r"\bich (glaube|dachte|meine|habe (gelesen|gehort)|war (mir )?sicher|bin (mir )?sicher)\b|"
    r"\b(mein|meine|unser|unsere) (reisefuhrer|reiseleiter|reiseleiterin|lehrer|lehrerin|buch)\b|"
    r"\b(der|im) audioguide\b|\b(das )?weiss (man|doch jeder|jeder)\b|\bsind sie sicher\b|"
    r"\bdoch\b|\b(hatte|hatt) (ich )?geschworen\b|^(sicher|wirklich)\s*\?|^(nein|aber)\b",
    "nl": r"\b(niet|he|klopt (dat|het)|waar|juist|of niet)\s*\?\s*$|\btoch\b|"
    r"\bik (denk|dacht|geloof|meen|heb (gelezen|gehoord)|was ervan overtuigd|weet zeker)\b|"
    r"\b(mijn|onze) (gids|leraar|lerares|boek)\b|\bde audiotour\b|"
    r"\biedereen weet\b|\bweet u (dat|het) zeker\b|\bgezworen\b|^(zeker|echt)\s*\?|^(nee|maar)\b",
    "es": r"\b(verdad|no|cierto|correcto|no es asi|no es cierto)\s*\?\s*$|"
    r"\b(creo|pensaba|pienso|supongo|lei|he leido|oi|estaba convencid[oa]|"
    r"estoy segur[oa])\b|\bme (dijo|dijeron|contaron)\b|"
    r"\b(mi|nuestr[oa]) (guia|profesora?|libro)\b|\bla audioguia\b|\bjuraria\b|"
    r"\btodo el mundo (lo )?sabe\b|\bde hecho\b|\ben realidad\b|\besta segur[oa]\b|"
    r"^¿?(seguro|de verdad|en serio)\s*\?|^(no|pero|pues)\b",
    "it": r"\b(vero|giusto|no|corretto|non e cosi)\s*\?\s*$|"
    r"\b(credo|pensavo|penso|ho letto|ho sentito|ero convint[oa]|sono sicur[oa])\b|"
    r"\bmi (ha|hanno) detto\b|\b(mio|mia|la nostra|il nostro) (guida|professore|professoressa|"
    r"libro)\b|\bl'audioguida\b|\btutti (lo )?sanno\b|\bin realta\b|\bgiurerei\b|"
    r"\b(siete|sei|e) sicur[oaie]\b|^(sicur[oa]|davvero)\s*\?|^(no|ma|non)\b",
}
# "Why" presupposes what it asks the reason for: it states it.
_WHY: dict[str, str] = {
    "fr": r"\bpourquoi\b",
    "de": r"\b(warum|wieso|weshalb)\b",
    "nl": r"\bwaarom\b",
    "es": r"\bpor que\b",
    "it": r"\bperche\b",
}


# The words a question opens with, per language (folded), and the prepositions that may
# come before them ("dans quel", "mit wem", "en qué"). A question that first says which
# object it means ("Sur le vase de Sèvres, qui ...") asks from its question word on.
_QUESTION_WORDS: dict[str, str] = {
    "fr": r"qui|que|qu'|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|"
    r"ou|quand|comment|combien|pourquoi|est-ce",
    "de": r"wer|wen|wem|wessen|was|wann|wo|woher|wohin|womit|woraus|wofur|wozu|worauf|"
    r"woran|worum|wie|warum|wieso|weshalb|welche|welcher|welches|welchen|welchem",
    "nl": r"wie|wiens|wat|wanneer|waar|waarom|waarmee|waarvan|waaruit|waarvoor|waarop|"
    r"waaraan|hoe|hoeveel|welk|welke",
    "es": r"que|quien|quienes|cuando|donde|como|cuanto|cuanta|cuantos|cuantas|cual|cuales",
    "it": r"che|chi|cosa|quando|dove|come|quanto|quanta|quanti|quante|perche|quale|quali",
}
_BEFORE_QUESTION_WORDS: dict[str, str] = {
    "fr": r"dans|en|de|a|avec|par|pour|sur|sous|vers|depuis",
    "de": r"in|aus|mit|von|vor|nach|seit|fur|bei|zu|an|auf|uber|unter",
    "nl": r"in|uit|met|van|voor|na|sinds|bij|naar|aan|op|over|onder|door",
    "es": r"en|de|con|por|para|a|desde|hacia|sobre|bajo",
    "it": r"in|di|con|da|per|a|su|tra|fra|verso|dal|dalla",
}
# Where a clause may start: after a comma, colon, semicolon, dash or Spanish "¿".
_CLAUSE_START = re.compile(r"(?:^|[,:;¿]\s*|\s[-–—]+\s*)")


def ask_clause(language: str, text: str) -> str:
    """The part of a question in ``language`` that asks, from its question word on.

    From the first clause that opens with a question word to the end; the whole question
    when none does, or when the language has no table.

    "Sul piatto di Faenza col drago, chi l'ha dipinto?" asks "chi l'ha dipinto?": the clause
    before it only says which object is meant, and ranked by meaning it would draw the
    sentences that describe the object rather than the one that answers.
    """
    opening = _question_opening(language)
    if opening is None:
        return text
    for match in _CLAUSE_START.finditer(text):
        clause = text[match.end() :]
        if opening.match(fold(clause)):
            return clause.strip()
    return text


@cache
def _question_opening(language: str) -> re.Pattern[str] | None:
    """A clause's opening question word in ``language``, a preposition allowed before it."""
    words = _QUESTION_WORDS.get(language)
    if not words:
        return None
    before = _BEFORE_QUESTION_WORDS.get(language, "")
    return re.compile(rf"(?:(?:{before})\s+|d')?(?:{words})\b")


# Per language: the short forms visitors type in haste, as whole words (folded), and what
# they stand for (Spanish "q" for "que", Italian "ki" for "chi"). The question words and
# slots above are read on the words written out; English has its own (cues.respelled). None
# may be a word the tables read as typed: German "ne?" is a tag asking for agreement, not "eine".
SHORTHAND: dict[str, dict[str, str]] = {
    "fr": {
        "qd": "quand",
        "pk": "pourquoi",
        "pq": "pourquoi",
        "koi": "quoi",
        "ki": "qui",
        "ds": "dans",
        "tt": "tout",
        "bcp": "beaucoup",
        "stp": "s'il te plaît",
    },
    "de": {"nich": "nicht", "nen": "einen", "hab": "habe"},
    "nl": {"wa": "wat", "wnr": "wanneer", "nie": "niet", "idd": "inderdaad"},
    "es": {
        "q": "que",
        "k": "que",
        "xq": "por qué",
        "pq": "por qué",
        "d": "de",
        "tb": "también",
        "tmb": "también",
        "dnd": "dónde",
        "cdo": "cuándo",
    },
    "it": {
        "ke": "che",
        "k": "che",
        "ki": "chi",
        "xke": "perché",
        "cmq": "comunque",
        "nn": "non",
        "qnd": "quando",
        "dv": "dove",
    },
}


def written_out(language: str, text: str) -> str:
    """``text`` with the short forms of ``language`` written out ("q" -> "que")."""
    table = SHORTHAND.get(language)
    if not table:
        return text

    def full(match: re.Match[str]) -> str:
        word = match.group(0)
        # Typed in lower case: "D." or "K" is someone's initial.
        return table.get(fold(word), word) if word.islower() else word

    return _SHORT_WORD.sub(full, text)


# A word standing alone: not part of a code ("d.C."), an abbreviation ("d."), a contraction
# ("d'or") or a number.
_SHORT_WORD = re.compile(r"(?<![\w'’.\-])[^\W\d_]{1,4}(?![\w'’.\-])")


FIELDS = ("creator", "date", "medium", "place", "found", "credit")
OTHERS = ("reason", "count")


@cache
def _compiled(language: str) -> dict[str, re.Pattern[str]]:
    return {key: re.compile(pattern) for key, pattern in TABLES.get(language, {}).items()}


def asked_in(language: str, text: str) -> tuple[set[str], set[str], bool]:
    """(catalogue fields, other asks, overview) that ``text`` in ``language`` asks for.

    "Why" and "how many" are not fields: a reason or a count is in the texts, not the card.
    """
    folded = fold(text)
    found = {key for key, pattern in _compiled(language).items() if pattern.search(folded)}
    fields = {f for f in FIELDS if f in found}
    # "Où a-t-il été trouvé ?": the "où" asks the find-spot. Without a "where", a verb of
    # finding asks something else ("Qui l'a trouvé ?").
    if "found" in fields and "place" in fields:
        fields.discard("place")
    else:
        fields.discard("found")
    if "credit" in fields:
        # "Quand le musée l'a-t-il acquis ?": the "when" is the acquisition's.
        fields -= {"date", "place"}
    elif _of_another_event(language, folded):
        # "Wann wurde der Stein gefunden?", "Wanneer werd het gestolen?": the "when" and the
        # "where" are of that event, which the texts tell; the card's date and place are the
        # making's. (Where it turned up stays the find-spot's field.)
        fields -= {"date", "place", "creator"}
    if "reason" in found:
        # "Pourquoi l'a-t-on rogné en 1715 ?": a reason is asked, whatever else is named.
        fields = set()
    return fields, {o for o in OTHERS if o in found}, "overview" in found and not fields


def _of_another_event(language: str, folded: str) -> bool:
    """Whether the question's verb is of another event than the making (bought, found, shown).

    The verbs are the claim tables' (claims_by_language): the same words that make a year
    said beside them no date of making make a "when" asked beside them no question of it.
    """
    from assistant.answering.claims_by_language import TABLES as CLAIM_TABLES  # it imports us

    table = CLAIM_TABLES.get(language)
    if table is None:
        return False
    tokens = re.findall(r"[a-z]+", folded)
    # A reflexive verb is no event: "où se trouve-t-il ?" asks where it is.
    said = {w for i, w in enumerate(tokens) if i == 0 or tokens[i - 1] not in _REFLEXIVE}
    return bool(said & set(table.events.split())) and not said & set(table.making.split())


_REFLEXIVE = frozenset({"se", "si", "sich", "zich"})


def asks_for_another(language: str, text: str) -> bool:
    """Whether ``text`` in ``language`` asks if the museum holds one more thing beside one named.

    "Avez-vous aussi le pendant ?", "Is de tegenhanger ook te zien?": what it asks about is
    not the object its other words name, whose texts the search finds.
    """
    pattern = ANOTHER.get(language)
    if pattern is None:
        return False
    folded = fold(text)
    if not re.search(pattern, folded):
        return False
    return not re.search(NOT_OBJECTS[language], folded)


def asserts_in(language: str, text: str) -> bool:
    """Whether ``text`` in ``language`` states something (to be confirmed or corrected).

    A tag, a hedge, a cited source or a contradiction ("Non, c'est du marbre."), a "why"
    (which presupposes), or a turn without a question mark that asks for nothing ("Ich war
    sicher, er hat es in Rom gemalt."). "Wann wurde es gemalt?" only asks. A language without
    a table states nothing that a source is taken to deny.
    """
    pattern = ASSERTING.get(language)
    if pattern is None:
        return False
    folded = fold(text).strip()
    if re.search(pattern, folded) or re.search(_WHY[language], folded):
        return True
    if "?" in folded:
        return False
    fields, others, overview = asked_in(language, text)
    return not (fields or others or overview)
