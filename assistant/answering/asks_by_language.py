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
    if "reason" in found:
        # "Pourquoi l'a-t-on rogné en 1715 ?": a reason is asked, whatever else is named.
        fields = set()
    return fields, {o for o in OTHERS if o in found}, "overview" in found and not fields
