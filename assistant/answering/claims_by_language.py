"""What a question in another language states: a table of words per language, read by slot.

Whom it credits, when and of what it says the object was made.

The English claim reader (reading.said, claims.py) reads English words and an English parse.
In French, German, Dutch, Spanish and Italian, names and years are written as in English; the
words around them say which slot they fill, and those are few and fixed:

- a maker: after "by" ("par X", "door X", "dipinto da X"), after "of" behind a work ("le
  tableau de X", "het schilderij van X"), or the subject of a making verb ("X a peint", "hat
  X ... gemalt", "pintó X") or of a clause that calls the work theirs ("X ... dans son
  tableau");
- a date of making: a year or a decade in a clause with a making verb ("peint en 1701",
  "1701 gemalt") or a dating one ("è del 1701"), not one of buying, theft, finding or a span
  ("depuis 1701");
- a material: a material word after "of"/"in" ("en marbre", "aus Marmor", "de mármol"),
  named by its English word so the record's medium can be compared;
- a place of making: a capitalised name after "in"/"at" in a clause that makes the object
  ("peint à Anvers"), named by its English name where the table of places has it.

Counts and measures are read by counts_by_language; framings are not read in these
languages. Patterns match folded words (lower case, no accents).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.answering import asks_by_language
from assistant.answering.claims import said_exactly
from assistant.answering.counts_by_language import counts_in
from assistant.answering.reading import Claim, Said
from assistant.text import everyday_frequency, fold


@dataclass(frozen=True)
class Words:
    """One language's words for the slots a claim fills (space-separated folded words)."""

    making: str  # verbs of making, as participles and finite forms ("peint", "malte")
    by: str  # "by" before a maker ("par", "door")
    of: str  # "of" before an owner or maker ("de", "van")
    works: str  # nouns that name a work ("tableau", "bild"): "<work> of X" credits X
    his: str  # possessive determiners ("son", "seinem"): "X ... <his> <work>" credits X
    ranks: str  # "king", "duke", "saint": "<rank> of X" names a place or a person, no maker
    before_names: str  # words after which a name is no subject: articles, prepositions
    events: str  # verbs of other events (bought, stolen, found, shown, restored, moved)
    since: str  # "since", "until": a year after it bounds a span, not the making
    approximate: str  # "about", "before": a year after it is no exact year ("vers 1640")
    year_fillers: str  # words between those and the year ("vers l'an", "hacia el año")
    dating: str  # verbs that date without making ("date", "stammt", "è del")
    being: str  # "is", "was", "seems": "<it> is of X", "is a X" credit X
    articles: str  # the indefinite articles: "un Courbet" is a work by Courbet
    material_of: str  # "of", "in", "from" before a material
    at: str  # "in", "at" before a place ("peint à Rome")
    alternatives: str  # "or", "not": a material offered as a choice or denied
    asking: str  # "which", "what": a material asked about
    eras: str  # the written era before Christ ("av. J.-C."), as a pattern
    materials: dict[str, str]  # folded word -> the English material word


# Materials by their English names (claims.MATERIALS), shared where the languages spell alike.
_MATERIALS: dict[str, dict[str, str]] = {
    "fr": {
        "marbre": "marble", "bronze": "bronze", "or": "gold", "argent": "silver",
        "ivoire": "ivory", "bois": "wood", "chene": "oak", "toile": "canvas",
        "porcelaine": "porcelain", "terre cuite": "terracotta", "verre": "glass",
        "cuivre": "copper", "fer": "iron", "acier": "steel", "laiton": "brass",
        "jade": "jade", "calcaire": "limestone", "gres": "sandstone", "basalte": "basalt",
        "granit": "granite", "albatre": "alabaster", "papier": "paper", "parchemin": "parchment",
        "velin": "vellum", "soie": "silk", "laine": "wool", "lin": "linen", "os": "bone",
        "platre": "plaster", "cire": "wax", "argile": "ceramic", "pierre": "stone",
        "email": "enamel", "plomb": "lead", "etain": "tin",
        "pin": "pine", "sapin": "fir", "epicea": "spruce", "hetre": "beech", "noyer": "walnut",
        "erable": "maple", "tilleul": "limewood", "ebene": "ebony", "acajou": "mahogany",
        "cedre": "cedar", "bouleau": "birch", "orme": "elm", "peuplier": "poplar",
        "buis": "boxwood",
    },
    "de": {
        "marmor": "marble", "bronze": "bronze", "gold": "gold", "silber": "silver",
        "elfenbein": "ivory", "holz": "wood", "eiche": "oak", "eichenholz": "oak",
        "leinwand": "canvas", "porzellan": "porcelain", "terrakotta": "terracotta",
        "glas": "glass", "kupfer": "copper", "eisen": "iron", "stahl": "steel",
        "messing": "brass", "jade": "jade", "kalkstein": "limestone", "sandstein": "sandstone",
        "basalt": "basalt", "granit": "granite", "alabaster": "alabaster", "papier": "paper",
        "pergament": "parchment", "seide": "silk", "wolle": "wool", "leinen": "linen",
        "knochen": "bone", "gips": "plaster", "wachs": "wax", "ton": "ceramic", "stein": "stone",
        "email": "enamel", "blei": "lead", "zinn": "tin",
        "kiefer": "pine", "kiefernholz": "pine", "fichte": "spruce", "tanne": "fir",
        "buche": "beech", "nussbaum": "walnut", "ahorn": "maple", "linde": "limewood",
        "lindenholz": "limewood", "ebenholz": "ebony", "mahagoni": "mahogany", "zeder": "cedar",
        "birke": "birch", "eibe": "yew", "ulme": "elm", "pappel": "poplar", "buchsbaum": "boxwood",
    },
    "nl": {
        "marmer": "marble", "brons": "bronze", "goud": "gold", "zilver": "silver",
        "ivoor": "ivory", "hout": "wood", "eiken": "oak", "eikenhout": "oak", "doek": "canvas",
        "porselein": "porcelain", "terracotta": "terracotta", "glas": "glass",
        "koper": "copper", "ijzer": "iron", "staal": "steel", "messing": "brass",
        "jade": "jade", "kalksteen": "limestone", "zandsteen": "sandstone", "basalt": "basalt",
        "graniet": "granite", "albast": "alabaster", "papier": "paper", "perkament": "parchment",
        "zijde": "silk", "wol": "wool", "linnen": "linen", "bot": "bone", "gips": "plaster",
        "was": "wax", "klei": "ceramic", "steen": "stone", "email": "enamel", "lood": "lead",
        "tin": "tin",
        "grenen": "pine", "grenenhout": "pine", "vurenhout": "spruce", "sparrenhout": "fir",
        "beuken": "beech", "beukenhout": "beech", "notenhout": "walnut", "esdoorn": "maple",
        "lindehout": "limewood", "ebbenhout": "ebony", "mahonie": "mahogany", "ceder": "cedar",
        "berken": "birch", "iepen": "elm", "populier": "poplar", "palmhout": "boxwood",
    },
    "es": {
        "marmol": "marble", "bronce": "bronze", "oro": "gold", "plata": "silver",
        "marfil": "ivory", "madera": "wood", "roble": "oak", "lienzo": "canvas",
        "porcelana": "porcelain", "terracota": "terracotta", "vidrio": "glass",
        "cobre": "copper", "hierro": "iron", "acero": "steel", "laton": "brass",
        "jade": "jade", "caliza": "limestone", "arenisca": "sandstone", "basalto": "basalt",
        "granito": "granite", "alabastro": "alabaster", "papel": "paper",
        "pergamino": "parchment", "vitela": "vellum", "seda": "silk", "lana": "wool",
        "lino": "linen", "hueso": "bone", "yeso": "plaster", "cera": "wax", "arcilla": "ceramic",
        "piedra": "stone", "esmalte": "enamel", "plomo": "lead", "estano": "tin",
        "pino": "pine", "abeto": "fir", "haya": "beech", "nogal": "walnut", "arce": "maple",
        "tilo": "limewood", "ebano": "ebony", "caoba": "mahogany", "cedro": "cedar",
        "abedul": "birch", "olmo": "elm", "alamo": "poplar", "boj": "boxwood",
    },
    "it": {
        "marmo": "marble", "bronzo": "bronze", "oro": "gold", "argento": "silver",
        "avorio": "ivory", "legno": "wood", "quercia": "oak", "tela": "canvas",
        "porcellana": "porcelain", "terracotta": "terracotta", "vetro": "glass",
        "rame": "copper", "ferro": "iron", "acciaio": "steel", "ottone": "brass",
        "giada": "jade", "calcare": "limestone", "arenaria": "sandstone", "basalto": "basalt",
        "granito": "granite", "alabastro": "alabaster", "carta": "paper",
        "pergamena": "parchment", "seta": "silk", "lana": "wool", "lino": "linen",
        "osso": "bone", "gesso": "plaster", "cera": "wax", "argilla": "ceramic",
        "pietra": "stone", "smalto": "enamel", "piombo": "lead", "stagno": "tin",
        "pino": "pine", "abete": "fir", "faggio": "beech", "noce": "walnut", "acero": "maple",
        "tiglio": "limewood", "ebano": "ebony", "mogano": "mahogany", "cedro": "cedar",
        "betulla": "birch", "olmo": "elm", "pioppo": "poplar", "bosso": "boxwood",
    },
}  # fmt: skip

# Places whose names these languages spell otherwise than English, by their English names, so
# the record's place ("Antwerp") is compared with the visitor's ("Anvers"). Folded.
_EXONYMS: dict[str, str] = {
    # cities
    "anvers": "Antwerp", "antwerpen": "Antwerp", "amberes": "Antwerp", "anversa": "Antwerp",
    "bruxelles": "Brussels", "brussel": "Brussels", "bruselas": "Brussels",
    "gand": "Ghent", "gent": "Ghent", "gante": "Ghent", "brugge": "Bruges", "brujas": "Bruges",
    "la haye": "The Hague", "den haag": "The Hague", "la haya": "The Hague", "l'aia": "The Hague",
    "londres": "London", "londra": "London", "londen": "London",
    "rome": "Rome", "roma": "Rome", "venise": "Venice", "venezia": "Venice", "venecia": "Venice",
    "venetie": "Venice", "firenze": "Florence", "florencia": "Florence", "florence": "Florence",
    "milano": "Milan", "milan": "Milan", "napoli": "Naples", "napoles": "Naples",
    "napels": "Naples", "sevilla": "Seville", "seville": "Seville", "siviglia": "Seville",
    "lisbonne": "Lisbon", "lisboa": "Lisbon", "lisbona": "Lisbon", "lissabon": "Lisbon",
    "cologne": "Cologne", "colonia": "Cologne", "keulen": "Cologne",
    "munich": "Munich", "monaco di baviera": "Munich", "munchen": "Munich",
    "vienne": "Vienna", "viena": "Vienna", "wenen": "Vienna", "atenes": "Athens",
    "athenes": "Athens", "atene": "Athens", "atenas": "Athens", "athene": "Athens",
    "constantinople": "Constantinople", "costantinopoli": "Constantinople",
    "constantinopla": "Constantinople", "constantinopel": "Constantinople",
    "pekin": "Beijing", "pechino": "Beijing", "peking": "Beijing",
    # countries and regions
    "italie": "Italy", "italia": "Italy", "italien": "Italy",
    "espagne": "Spain", "espana": "Spain", "spagna": "Spain", "spanje": "Spain",
    "francia": "France", "frankrijk": "France", "allemagne": "Germany", "alemania": "Germany",
    "germania": "Germany", "duitsland": "Germany", "angleterre": "England",
    "inglaterra": "England", "inghilterra": "England", "engeland": "England",
    "flandre": "Flanders", "flandes": "Flanders", "fiandre": "Flanders",
    "vlaanderen": "Flanders", "pays-bas": "Netherlands", "paises bajos": "Netherlands",
    "paesi bassi": "Netherlands", "nederland": "Netherlands", "hollande": "Holland",
    "holanda": "Holland", "olanda": "Holland", "grece": "Greece", "grecia": "Greece",
    "griekenland": "Greece", "egypte": "Egypt", "egipto": "Egypt", "egitto": "Egypt",
    "chine": "China", "cina": "China", "japon": "Japan", "giappone": "Japan",
    "perse": "Persia", "perzie": "Persia", "turquie": "Turkey", "turquia": "Turkey",
    "turchia": "Turkey", "turkije": "Turkey", "inde": "India", "indie": "India",
    "mexique": "Mexico", "mexico": "Mexico", "messico": "Mexico",
    "perou": "Peru", "peru": "Peru", "iran": "Iran", "irak": "Iraq",
    # German spellings (German reads only the places of this table: its nouns have capitals)
    "rom": "Rome", "venedig": "Venice", "florenz": "Florence", "mailand": "Milan",
    "neapel": "Naples", "koln": "Cologne", "wien": "Vienna", "prag": "Prague",
    "nurnberg": "Nuremberg", "spanien": "Spain", "frankreich": "France",
    "deutschland": "Germany", "flandern": "Flanders", "niederlande": "Netherlands",
    "griechenland": "Greece", "agypten": "Egypt", "persien": "Persia", "turkei": "Turkey",
    "indien": "India", "mexiko": "Mexico", "paris": "Paris", "madrid": "Madrid",
    "amsterdam": "Amsterdam", "delft": "Delft", "haarlem": "Haarlem", "leiden": "Leiden",
    "utrecht": "Utrecht", "augsburg": "Augsburg", "dresden": "Dresden", "berlin": "Berlin",
    "england": "England", "holland": "Holland", "china": "China", "japan": "Japan",
}  # fmt: skip

TABLES: dict[str, Words] = {
    "fr": Words(
        making="peint peinte peints peintes peindre peignit peignait sculpte sculptee sculpter "
        "sculpta grave gravee dessine dessinee realise realisee realisa cree creee crea "
        "fabrique fabriquee concu concue modele modelee taille taillee faconne faconnee "
        "photographie "
        "brode brodee tisse tissee enlumine enluminee execute executee construit construite "
        "coule coulee forge forgee signe signee ecrit ecrite ecrits ecrites ecrivit",
        by="par",
        of="de d du des",
        works="tableau toile peinture sculpture broche vase "
        "oeuvre dessin gravure manuscrit fresque retable relief coupe plat bijou",
        his="son sa ses",
        ranks="roi reine duc duchesse comte comtesse prince princesse empereur imperatrice pape "
        "saint sainte eveque abbe sultan calife ville musee",
        before_names="le la les l un une des du de d au aux a en dans sur pour avec chez par "
        "vers son sa ses ce cette",
        events="achete achetee vole volee vendu vendue trouve trouvee decouvert decouverte "
        "retrouve retrouvee expose exposee restaure restauree rogne rognee installe installee "
        "acquis acquise offert offerte legue leguee transporte deplace emmene",
        since="depuis jusqu",
        approximate="vers environ autour approximativement avant apres jusqu",
        year_fillers="l le la de en an l'an annee l'annee",
        dating="date datee remonte",
        being="est etait serait semble",
        articles="un une",
        at="a au en dans",
        material_of="en de d du dans",
        alternatives="ou pas ni non",
        eras=r"av(?:\.|ant)\s*j\.?-?c\.?|avant notre ere|av\.?\s*n\.?\s*e\.?",
        asking="quel quelle quels quelles quoi",
        materials=_MATERIALS["fr"],
    ),
    "de": Words(
        making="gemalt malte malten malt geschaffen schuf geschnitzt schnitzte gemacht machte "
        "hergestellt gefertigt fertigte angefertigt modelliert gegossen goss gezeichnet "
        "zeichnete entworfen entwarf gebaut baute geschnitten schnitt gestochen fotografiert "
        "gemeisselt gestaltet gestaltete geschmiedet gewebt gestickt bemalt illuminiert "
        "geschrieben schrieb",
        by="von",
        of="von",
        works="bild gemalde werk skulptur zeichnung stich "
        "brosche vase handschrift fresko altar relief",
        his="sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres",
        ranks="konig konigin herzog herzogin graf grafin prinz prinzessin kaiser kaiserin papst "
        "sankt heilige heiligen bischof sultan kalif stadt museum burg schloss",
        before_names="der die das den dem des ein eine einen einem einer eines von vom zu zum "
        "zur in im an am auf aus mit fur uber bei nach sein seine seinem seinen ihr ihre",
        events="gekauft kaufte gestohlen stahl verkauft verkaufte gefunden fand entdeckt "
        "entdeckte ausgestellt restauriert erworben geschenkt vererbt gebracht verlegt",
        since="seit bis",
        approximate="um etwa ungefahr gegen zirka circa rund vor nach bis seit",
        year_fillers="das jahr im",
        dating="stammt datiert entstand entstanden",
        being="ist war sei scheint wirkt",
        articles="ein eine einen",
        at="in",
        material_of="aus in von",
        alternatives="oder nicht kein keine",
        eras=r"v\.\s*chr\.?|vor christus|v\.\s*u\.\s*z\.?",
        asking="welchem welcher welches welche welchen was woraus",
        materials=_MATERIALS["de"],
    ),
    "nl": Words(
        making="geschilderd schilderde schilderden schildert schilderen gemaakt maakte maakten "
        "gebeeldhouwd gesneden sneed getekend tekende ontworpen ontwierp vervaardigd "
        "gegoten goot gebouwd bouwde gefotografeerd geweven geborduurd gegraveerd "
        "gemodelleerd gehouwen geschreven schreef",
        by="door",
        of="van",
        works="schilderij doek broche vaas werk tekening prent "
        "handschrift fresco altaarstuk relief",
        his="zijn",
        ranks="koning koningin hertog hertogin graaf gravin prins prinses keizer keizerin paus "
        "sint heilige bisschop sultan kalief stad museum burcht kasteel",
        before_names="de het een van in op aan met voor bij uit naar om door zijn haar hun "
        "dat die dit deze",
        events="gekocht kocht gestolen stal verkocht verkocht gevonden vond ontdekt ontdekte "
        "tentoongesteld gerestaureerd verworven geschonken verhuisd gebracht ingekort",
        since="sinds sedert tot",
        approximate="rond omstreeks ongeveer circa voor na tot sinds",
        year_fillers="het jaar in",
        dating="dateert stamt",
        being="is was lijkt",
        articles="een",
        at="in te",
        material_of="van uit in",
        alternatives="of niet geen",
        eras=r"v\.\s*chr\.?|voor christus|v\.\s*o\.\s*j\.?",
        asking="welk welke wat",
        materials=_MATERIALS["nl"],
    ),
    "es": Words(
        making="pinto pintado pintada pintados pintadas pintar pintaba pintara pintase hizo hecho "
        "hecha hiciera "
        "esculpio esculpido esculpida tallo tallado tallada modelo modelado modelada "
        "creado creada realizo realizado realizada dibujado dibujada grabado grabada "
        "diseno disenado disenada fabrico fabricado fabricada escribio escrito escrita "
        "fundido fundida construido construida bordado bordada labrado labrada forjado "
        "fotografio fotografiado iluminado",
        by="por",
        of="de del",
        works="cuadro pintura lienzo escultura broche jarron "
        "vaso obra dibujo grabado manuscrito fresco retablo relieve",
        his="su sus",
        ranks="rey reina duque duquesa conde condesa principe princesa emperador emperatriz "
        "papa san santo santa obispo sultan califa ciudad museo",
        before_names="el la los las lo un una unos unas de del al a en con por para sobre "
        "desde su sus este esta ese esa",
        events="compro comprado comprada robo robado robada vendio vendido vendida encontro "
        "compraron robaron vendieron encontraron descubrieron "
        "encontrado encontrada descubrio descubierto descubierta expuesto expuesta "
        "restaurado restaurada adquirido adquirida donado donada trasladado llevado",
        since="desde hasta",
        approximate="hacia alrededor aproximadamente cerca antes despues hasta desde",
        year_fillers="el ano de del en",
        dating="data",
        being="es era fue sea parece",
        articles="un una uno",
        at="en",
        material_of="de en",
        alternatives="o u no ni",
        eras=r"a\.\s*(?:de\s*)?c\.?|antes de cristo",
        asking="que cual cuales",
        materials=_MATERIALS["es"],
    ),
    "it": Words(
        making="dipinto dipinta dipinti dipinse dipingere dipinge dipingeva fatto fatta fece "
        "scolpito scolpita scolpi scolpire realizzato realizzata realizzo creato creata "
        "modellato modellata intagliato intagliata inciso incisa disegnato disegnata "
        "progettato progettata fuso fusa costruito costruita ricamato ricamata fotografato "
        "miniato miniata forgiato eseguito eseguita scritto scritta scrisse",
        by="da dal dalla dallo",
        of="di del della dello dei degli",
        works="quadro dipinto tela scultura spilla vaso opera "
        "disegno incisione manoscritto affresco pala rilievo",
        his="suo sua suoi sue",
        ranks="re regina duca duchessa conte contessa principe principessa imperatore "
        "imperatrice papa san santo santa vescovo sultano califfo citta museo",
        before_names="il lo la i gli le l un una uno di del della dei degli delle a al alla "
        "da dal dalla in nel nella con per su sul sulla suo sua suoi sue questo questa",
        events="comprato comprata acquistato acquistata rubato rubata venduto venduta trovato "
        "trovata scoperto scoperta esposto esposta restaurato restaurata donato donata "
        "portato portata trasferito",
        since="dal fino",
        approximate="intorno verso attorno circa prima dopo fino dal",
        year_fillers="il al l anno l'anno nel",
        dating="risale data datato datata",
        being="e era fu sia sembra",
        articles="un una uno",
        at="a in",
        material_of="di in",
        alternatives="o oppure non ne",
        eras=r"a\.\s*c\.?|avanti cristo",
        asking="che quale quali cosa",
        materials=_MATERIALS["it"],
    ),
}

# The slots a maker is read in (Claim.about): after "by", after "<a work> of", the subject.
OTHER_LANGUAGE_SLOTS = frozenset({"by", "of", "subject"})
# Languages that capitalise every noun: a word alone with a capital ("Jahr", "Burg") is a
# name only when the collection knows it as a maker's.
_NOUNS_CAPITALISED = frozenset({"de"})
# A word everyday speech uses this often is no one's name (a surname seldom is).
_EVERYDAY_SHARE = 2e-6
_UNMARKED_NAME_MIN = 5
_TOKEN = re.compile(r"[^\W\d_]+")
_CLAUSE_BREAK = re.compile(r"[,;:?!.]\s|[?!]$|\s[-–—]\s")
_YEAR = re.compile(r"(?<![\w.,])(\d{3,4})(?![\w]|[.,]\d)")
_DECADE = re.compile(r"\b(?:annees|jaren|decada de|anni|anos)\s+(1\d[0-9]0)\b|\b(1\d[0-9]0)er\b")
_PARTICLES = frozenset("van von de der den da di del della la le du ter y d".split())


@dataclass(frozen=True)
class _Word:
    start: int  # in the whole text
    end: int
    folded: str
    written: str


def said_in(
    language: str, text: str, lowercase: bool = False, makers: frozenset[str] = frozenset()
) -> Said:
    """What ``text`` in ``language`` states, read with its language's table (none: nothing).

    ``makers``: the words of the collection's makers' names ("vermeer"), which tell a name
    from a noun where nouns have capitals too.
    """
    table = TABLES.get(language)
    if table is None:
        return Said(text, (), False, False, frozenset(), False, lowercase)
    claims: list[Claim] = []
    making = False
    for start, end in _clauses(text):
        tokens = _tokens(text, start, end)
        makes = [i for i, w in enumerate(tokens) if w.folded in _set(table.making)]
        making = making or bool(makes)
        names = _names(language, table, tokens, makers, text)
        claims += _makers(language, table, text[start:end], tokens, makes, names, makers)
        claims += _dates(table, text, start, end, tokens, bool(makes))
        claims += _materials(table, tokens)
        places = _places(language, table, text, tokens, bool(makes))
        # "in Den Haag geschilderd": a place's name is no maker, whatever precedes the verb.
        claims = [c for c in claims if not (c.kind == "maker" and _within(c.span, places))]
        claims += places
    claims += counts_in(language, text)
    return Said(
        text=text,
        claims=tuple(claims),
        asserts=asks_by_language.asserts_in(language, text),
        attributes=making or any(c.kind == "maker" for c in claims),
        patrons=frozenset(),
        other_event=False,  # read per clause: a year beside another event is no claim
        lowercase=lowercase,
    )


@cache
def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _clauses(text: str) -> list[tuple[int, int]]:
    """The spans of the clauses of ``text``, split at punctuation."""
    spans, at = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _tokens(text: str, start: int, end: int) -> list[_Word]:
    """The words of one clause of ``text``."""
    return [
        _Word(start + m.start(), start + m.end(), fold(m.group(0)), m.group(0))
        for m in _TOKEN.finditer(text[start:end])
    ]


def _names(
    language: str, table: Words, tokens: list[_Word], makers: frozenset[str], text: str
) -> list[tuple[int, int]]:
    """The (first, last) token of each person's name in a clause.

    Capitalised words in a row ("van", "de" between), but not the article that opens a title
    ("La Ronde de nuit") nor the everyday or question word that opens a sentence with a
    capital ("Hat der Tischler ...", "¿Quién ...").
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].written[0].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and _joins(tokens, j, text, language):
            j += 1
        first = i
        while first <= j and not _could_name(tokens[first], first == 0, language, table):
            first += 1
        if _noun_before_a_name(tokens, first, j, language, table):
            first += 1  # "der Maler Jan Steen": the noun the article opens, then the name
        # A lone letter is an initial or a code's ("manuscrito W.642"), no one's name.
        alone = first == j and len(tokens[first].written) == 1
        if first <= j and not alone and _a_person(tokens[first : j + 1], language, makers):
            runs.append((first, j))
        i = j + 1
    return runs


def _joins(tokens: list[_Word], j: int, text: str, language: str = "") -> bool:
    """Whether the word after ``tokens[j]`` continues its name.

    A capital (or a particle before one) after a space, not across a quotation mark
    ("X „Titel“"). In German "der", "den" are articles, which open the next noun ("X den
    Codex"), unless another particle comes first ("von der Vogelweide").
    """
    nxt = tokens[j + 1]
    gap = text[tokens[j].end : nxt.start]
    if gap == "-":
        return True  # "Jean-Baptiste", "Abd-al-Malik"
    if gap.strip():
        return False
    if nxt.written[0].isupper():
        return True
    german_article = language in _NOUNS_CAPITALISED and nxt.folded in _GERMAN_ARTICLES
    if german_article and tokens[j].folded not in _PARTICLES:
        return False
    return (
        nxt.folded in _PARTICLES
        and j + 2 < len(tokens)
        and not text[nxt.end : tokens[j + 2].start].strip()
        and tokens[j + 2].written[0].isupper()
    )


# The German articles among the name particles: "den Codex" is no part of a name before it.
_GERMAN_ARTICLES = frozenset({"der", "den"})


def _noun_before_a_name(
    tokens: list[_Word], first: int, last: int, language: str, table: Words
) -> bool:
    """Whether a run opens with a noun its article introduces, then a name of two words or more.

    German capitalises nouns, and a name takes no article: in "der Franziskaner Bernardino
    de Sahagún" the name starts after the noun.
    """
    if language not in _NOUNS_CAPITALISED or first == 0 or last - first < 2:
        return False
    # "der Helm von <Ort>": a particle after the noun makes it the head of "X of Y", no title.
    # (The words a name never follows: articles, possessives, prepositions.)
    opened = tokens[first - 1].folded in _set(table.before_names)
    return opened and tokens[first + 1].folded not in _PARTICLES


def _could_name(word: _Word, opens: bool, language: str, table: Words) -> bool:
    """Whether a capitalised word may open a name.

    Not an article or a particle, and, first in its clause, not an everyday or question word
    ("Warum", "Das", "Háblame").
    """
    if word.folded in _set(table.before_names) or word.folded in _PARTICLES:
        return False
    if not opens:
        return True
    lower = word.written.lower()
    everyday = max(everyday_frequency(lower, language), everyday_frequency(word.folded, language))
    if everyday > _EVERYDAY_SHARE:
        return False
    fields, others, overview = asks_by_language.asked_in(language, word.written)
    return not (fields or others or overview)


def _a_person(run: list[_Word], language: str, makers: frozenset[str]) -> bool:
    """Whether a run of capitalised words names a person rather than a thing."""
    named = [w for w in run if w.folded not in _PARTICLES]
    if len(named) > 1:
        return True
    # One word alone: in German any noun ("Jahr", "Burg") looks so; elsewhere, past the
    # checks above, it is a name (a surname).
    return language not in _NOUNS_CAPITALISED or named[0].folded in makers


def _makers(
    language: str,
    table: Words,
    clause: str,
    tokens: list[_Word],
    makes: list[int],
    names: list[tuple[int, int]],
    makers: frozenset[str] = frozenset(),
) -> list[Claim]:
    """The names a clause puts in a maker's slot.

    After "by", after "<work> of", or as the subject of a making verb (the first name before
    it, or right after it: "pintó X"). Not the subject of a clause that asks who made it
    ("Qui a peint ce tableau ?").
    """
    found: list[Claim] = []
    subject_taken = "creator" in asks_by_language.asked_in(language, clause)[0]
    for first, last in names:
        before = tokens[first - 1].folded if first > 0 else ""
        two_before = tokens[first - 2].folded if first > 1 else ""
        span = (tokens[first].start, tokens[last].end)
        value = " ".join(w.written for w in tokens[first : last + 1])
        if two_before in _set(table.ranks) or before in _set(table.ranks):
            continue  # "le roi de France", "el sultán X": a title, no maker
        if (
            before in _set(table.by)
            and (
                two_before in _set(table.making)
                or (makes and before != "von")
                or two_before in _set(table.works)
            )
        ) or _said_to_be_theirs(language, table, tokens, (first, last), makers):
            found.append(Claim("maker", value, span, about="by"))
        elif before in _set(table.of) and two_before in _set(table.works) and last > first:
            # "le tableau de X": like an English possessive, it may name an owner
            # the object's texts speak of; premises.maker reads it so.
            found.append(Claim("maker", value, span, about="of"))
        elif (
            not subject_taken
            and before not in _set(table.before_names)
            and (
                any(first < m for m in makes)
                or (first - 1) in makes
                or _owns_work(language, table, tokens[last + 1 :])
            )
        ):
            found.append(Claim("maker", value, span, about="subject"))
            subject_taken = True
    return found


def _said_to_be_theirs(
    language: str, table: Words, tokens: list[_Word], span: tuple[int, int], makers: frozenset[str]
) -> bool:
    """Whether the clause says the object is X's: "es de X", "ist ein X", "è un'opera di X".

    Like the English "it's a Rembrandt", "it was by Vermeer". After "is of" a lone word may be
    a place ("es de Madrid"): it is read as a maker only when the collection knows it as one;
    after "is a" a capitalised name is a work of theirs ("c'est un Courbet").
    """
    first, last = span
    if tokens[first].folded in _set(table.works):
        return False  # "ist ein Gemälde von X": the work, capitalised as German nouns are
    # One word may be a place ("es de Madrid") or a noun ("une fois un Roi"): a maker the
    # collection knows, or (after "a") no everyday word.
    lone = tokens[first].folded
    known = last > first or lone in makers
    before = [w.folded for w in tokens[max(first - 5, 0) : first]][::-1]  # nearest first
    if not before:
        return False
    if before[0] in _set(table.articles):
        # "het lijkt me eerder een X": a few words may stand between the verb and the article.
        rare = everyday_frequency(lone, language) <= _EVERYDAY_SHARE
        return bool(set(before[1:]) & _set(table.being)) and (known or rare)
    if before[0] not in _set(table.of):
        return False
    rest = before[1:]
    if rest[:1] and rest[0] in _set(table.works):
        rest = rest[2:] if rest[1:2] and rest[1] in _set(table.articles) else rest[1:]
    # "ist ja von X", "is toch van X": a particle of emphasis between the verb and "of".
    while rest[:1] and rest[0] in _EMPHASIS:
        rest = rest[1:]
    return bool(rest[:1] and rest[0] in _set(table.being)) and known


# Words of emphasis a statement puts after its verb, in the five languages.
_EMPHASIS = frozenset(
    "ja doch wohl eigentlich schon sicher toch wel eigenlijk echt bien vraiment "
    "realmente seguramente proprio davvero sicuramente".split()
)


def _owns_work(language: str, table: Words, after: list[_Word]) -> bool:
    """Whether a clause goes on to call a work the subject's own ("X ... dans son tableau").

    "Pourquoi X a-t-il mis un chien dans son Paysage ?", "Warum hat X sein Bild so dunkel
    gehalten?": the
    name before "his <work>" is the one the visitor credits, whatever the verb. A capitalised
    word after "his" is a title, except where every noun has a capital.
    """
    for i, word in enumerate(after[:-1]):
        if word.folded not in _set(table.his):
            continue
        nxt = after[i + 1]
        titled = nxt.written[:1].isupper() and language not in _NOUNS_CAPITALISED
        if nxt.folded in _set(table.works) or titled:
            return True
    return False


def _dates(
    table: Words, text: str, start: int, end: int, tokens: list[_Word], makes: bool
) -> list[Claim]:
    """The years (and decades) a clause dates the making by.

    Only in a clause that makes ("peint en 1701") or dates ("date de", "è del 1701"), and
    not one of another event ("acheté en 1901") or a span ("depuis 1901").
    """
    words = {w.folded for w in tokens}
    dating = (
        makes
        or bool(words & _set(table.dating))
        or bool(_COPULA_DATE.search(fold(text[start:end])))
    )
    if not dating:
        return []
    clause = fold(text[start:end])  # folding keeps the length of these scripts' words
    # "L'invito trovato a <site> è del 150": the year after "is of" dates the object, whatever
    # the participle before it says of its finding. Else a clause of another event dates that.
    copula = {m.end() - 1 for m in _COPULA_DATE.finditer(clause)}
    if words & _set(table.events) and not copula:
        return []
    found: list[Claim] = []
    for match in _DECADE.finditer(clause) if not words & _set(table.events) else ():
        decade = int(match.group(1) or match.group(2))
        found.append(Claim("date", match.group(0), _span(start, match), decade, decade + 9))
    for match in _YEAR.finditer(clause):
        if any(c.span[0] <= start + match.start() < c.span[1] for c in found):
            continue
        if words & _set(table.events) and match.start() not in copula:
            continue
        before = clause[: match.start()].split()[-1:] or [""]
        if before[0] in _set(table.since):
            continue  # "depuis 1901": since when, not when made
        year = int(match.group(1))
        # Read past the clause: "av. J.-C." has a full stop in it.
        if re.match(rf"\s*(?:{table.eras})", fold(text[start + match.end() :])):
            year = -year
        exact = said_exactly(
            text, start + match.start(), _set(table.approximate), _set(table.year_fillers)
        )
        found.append(Claim("date", match.group(1), _span(start, match), year, year, exact=exact))
    return found


# "è del 1701", "es de 1701", "est de 1701": the object dated with "to be" and "of".
_COPULA_DATE = re.compile(r"\b(?:e|es|est|is|ist)\s+(?:del|de|di|van|von|aus)\s+(?:l'|el\s+)?\d")


# A century in Roman numerals ("XVIe", "XIX", "XVIIº") and the eras these languages write with
# a capital: after "au"/"en"/"in" they say when, not where.
_ROMAN = re.compile(r"[IVXLC]+(?:e|er|eme|ème|°|º|ª)?")
_ERAS = frozenset({"moyen age", "haut moyen age", "bas moyen age", "renaissance", "antiquite"})


def _within(span: tuple[int, int], claims: list[Claim]) -> bool:
    return any(c.span[0] <= span[0] and span[1] <= c.span[1] for c in claims)


def _places(
    language: str, table: Words, text: str, tokens: list[_Word], makes: bool
) -> list[Claim]:
    """The place a clause says the object was made in ("peint à Rome", "pintado en Madrid").

    A capitalised name after "in"/"at" in a clause with a making verb, not one of another
    event ("acheté à Paris"); read as a name and a place, as the English reader does, so the
    record's place decides. In German, where "in Öl" has a capital too, only the places of
    the table of names (``_EXONYMS``).
    """
    words = {w.folded for w in tokens}
    if not (makes and table.at) or words & _set(table.events):
        return []
    found: list[Claim] = []
    for i, word in enumerate(tokens[:-1]):
        first = tokens[i + 1]
        if word.folded not in _set(table.at) or not first.written[0].isupper():
            continue
        last = i + 1
        if first.folded in _set(table.before_names) and last + 1 < len(tokens):
            last += 1  # "à La Haye": an article that is part of the name, or none
            if f"{first.folded} {tokens[last].folded}" not in _EXONYMS:
                continue
        elif first.folded in _set(table.before_names) or first.folded in table.materials:
            continue
        while last + 1 < len(tokens) and _joins(tokens, last, text):
            last += 1
        written = text[first.start : tokens[last].end]
        if language in _NOUNS_CAPITALISED and fold(written) not in _EXONYMS:
            continue
        if _ROMAN.fullmatch(written) or fold(written) in _ERAS:
            continue  # "au XVIe siècle", "au Moyen Âge": a time, not a place
        value = _EXONYMS.get(fold(written), written)
        span = (first.start, tokens[last].end)
        # Folded, as the English reader gives a place (premises compare it so).
        found += [Claim("name", value, span), Claim("place", fold(value), span)]
    return found


def _span(offset: int, match: re.Match[str]) -> tuple[int, int]:
    return offset + match.start(), offset + match.end()


def _materials(table: Words, tokens: list[_Word]) -> list[Claim]:
    """The materials a clause says it is made of ("en marbre", "aus Marmor").

    Not one asked about ("di che pietra?"), offered as a choice ("en bois ou en toile ?")
    or denied ("pas en marbre").
    """
    found: list[Claim] = []
    for i, word in enumerate(tokens):
        pair = f"{word.folded} {tokens[i + 1].folded}" if i + 1 < len(tokens) else ""
        name = table.materials.get(pair) or table.materials.get(word.folded)
        if name is None:
            continue
        before = [w.folded for w in tokens[max(0, i - 3) : i]]
        after = [w.folded for w in tokens[i + 1 : i + 3]]
        if not set(before[-2:]) & _set(table.material_of):
            continue  # "l'or des Incas": only "of/in <material>" says what it is made of
        if set(before) & (_set(table.alternatives) | _set(table.asking)):
            continue
        if set(after[:1]) & _set(table.alternatives):
            continue
        found.append(Claim("material", name, (word.start, word.end)))
    return found


def states_material(text: str) -> bool:
    """Whether a source's sentence, in any language of the tables, says what a thing is made of.

    "Deckel aus Kiefer", "le socle en marbre": a material question's answer, in whichever
    language the museum wrote it, where the question's own words find nothing.
    """
    for table in TABLES.values():
        for start, end in _clauses(text):
            if _materials(table, _tokens(text, start, end)):
                return True
    return False


# A word of a name in a question in another language: capitalised past a sentence's start, and
# no everyday word in that language or in English ("Gold", "Madame" are; a town's name is not).
_SENTENCE = re.compile(r"(?<=[.?!])\s+")


@cache
def names_in(language: str, text: str) -> frozenset[str]:
    """The folded words of the names ``text`` in ``language`` gives, which no language changes.

    A painter's, a town's or a king's name is written alike in every language, so a source
    whose texts give them is about what the question names, whatever its other words. So is
    a term of art ("plique-à-jour") and a name typed in lower case: a longer word rare in the
    language and in English counts, capital or not.
    """
    found: set[str] = set()
    for sentence in _SENTENCE.split(text):
        for k, match in enumerate(_TOKEN.finditer(sentence)):
            word = match.group(0)
            # A sentence's first word has a capital whatever it is, and a name typed in lower
            # case has none: a short one is more often an everyday word mistyped.
            capital = k > 0 and word[0].isupper()
            if len(word) < (3 if capital else _UNMARKED_NAME_MIN):
                continue
            folded = fold(word)
            everyday = max(
                everyday_frequency(word.lower(), language),
                everyday_frequency(folded, language),
                everyday_frequency(folded),
            )
            if everyday <= _EVERYDAY_SHARE:
                found.add(folded)
    return frozenset(found)
