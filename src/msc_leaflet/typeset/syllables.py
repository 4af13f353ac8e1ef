"""Thai syllable boundaries: where a Thai|Thai line break may fall at all (Lao's are
``lao_syllables.py``).

ICU's dictionary splits words it does not know (loanwords, drug names, personal
names) into pieces that can end inside a syllable: ต้องเตรี|ยมตัว, แอ|ลดีแอล,
ยาเมตฟอร์มิ|น. A clinic cannot list every such word in ``words.txt``, so every ICU
break between two Thai characters must also pass this check.

1. Thai Character Clusters (Theeramunkong et al. 2000, as implemented by PyThaiNLP's
   ``tcc``): the units no Thai reader splits — a consonant with its vowels, tone marks
   and a silenced final (ไรด์), the vowels เ-ีย, เ-ือ, -ัว with their consonants.
2. A final consonant stays with its syllable. A consonant with no vowel of its own
   ("lone") is a final, never a new syllable, when what follows it cannot continue a
   syllable: the end of the Thai text (อาหา|ร, จำเป็|น, มิ|น) or a leading vowel
   (คอเลสเตอรอ|ลและ, โม|งเ...), unless the syllable before takes no final (ใ-, ไ-,
   -ะ, -ำ, or one closed already): then it starts a loanword's cluster
   (ให้|สเตียรอยด์). After an open syllable ส is read two ways, a final (มาส|เตอร์)
   or a loanword's cluster (ที่|สแกน, ดู|สไลด์): the dictionary decides; with nothing
   it may close before it, such an ส starts the cluster (ส|โตร tears สโตร). After an
   open syllable spelt with เ แ โ and one consonant or a cluster (แอ, เก, เปล) a lone
   consonant is its final (แอ|ลดี), unless rule 6 cannot tell; โรง is closed
   (โรง|พยาบาล). After any other open syllable (ที่, ต่อ, ศึกษา) it is read two ways,
   its final or a syllable with an unwritten vowel (ที่|ขยาย, ต่อ|พยาบาล): rule 6.
3. After -ั- the syllable is not finished (ตั|ว): -ั- always takes a final.
4. Two bare consonants stay together (ค|รี, ง|ด: a cluster, or an initial and its
   final), and อ after a consonant is the vowel -อ (ต้|อง, ร|อล); that อ is no bare
   consonant of this rule: รอ is an open syllable (รอ|ผล). A third bare consonant
   after two, or after a final, is read two ways: the second closes the first's
   syllable with its vowel unwritten, or is a final's silent second (คน|บอก, ลด|ลง,
   สามารถ|บอก), or it starts one (ส|บาย): the dictionary decides (rule 6).
5. อ or ว between two bare consonants is the vowel of the first (-อ, and -ัว, whose ั
   is not written before a final): ของ, นอน, ควร, ปวด, ตรวจ are syllables, a break
   on either side of them falls between syllables (ญาติ|ของ|ผู้, ที่|ควร|ดื่ม), and
   none falls inside (ที่นี่ค|วร). Where the first consonant could instead close the
   syllable before (ทุก|วง, "every band"), this reading wins: -ัว is by far the
   commoner; the rare other word loses its break and, cut in a too narrow line, is
   cut ทุ|กวง. After a short vowel (-ิ -ึ -ุ, which seldom end a syllable open) the
   consonant before อ is as likely its final, and อ an initial (ฝึก|อบรม): the
   dictionary decides.
6. After an open syllable (มี, ดู, ที่, หมอ) a bare consonant that makes a cluster with
   the next (CLUSTERS: กร, คว, ตร, หม) is read two ways: the first of a cluster
   (มี|ความ, ที่|ตรวจ, ดู|กรอง) or the final of the syllable before (ภาค|รัฐ, รูป|ร่าง,
   เรียก|ว่า); so are two bare consonants, a word whose vowel is not written (มี|คน,
   ที่|ลง, ดู|รถ) or a final and the next initial. Spelling cannot tell; ICU's
   dictionary can. At a boundary of its (or
   an author's zero-width space) the break is allowed; inside one of its words neither
   place is one a reader is sure of, so a cut there is an emergency, reported
   (LAYOUT004), never ที่มีค|วาม in silence. A dictionary can be wrong too: ICU knows
   the rare word ยาค and breaks ยาค|รั้ง (the package's ``data/words-th.txt`` keeps
   ครั้ง whole: ยา|ครั้ง). A final written with a silent second consonant (สามารถ,
   บัตร, จักร) reads two ways too: after the first final, a bare
   consonant is its silent second (สามาร|ถรับ, บัต|รประชาชน) or a new syllable's
   (ภาค|ประชาชน); a bare consonant before one with its own vowel ends a syllable
   (สามารถ|รับ) or is one (ส|บาย). The dictionary decides. A bare ห, ฉ, ผ, ฝ or ฮ
   closes no syllable (NEVER_FINAL): มี|หมอ, never มีห|มอ.
7. Signs that a syllable goes on: a tone mark is written on an initial, never on a
   final (ค้|น is inside ค้น); a leading vowel's cluster stays whole (ให|ม่, ตำแห|น่ง);
   ฤ joins the consonant before it (อังก|ฤษ), unless that one is a final
   (ออก|ฤทธิ์); อ leads ย in อย่า, อยู่, อยาก (ได้ผลอ|ย่าง, a slip of ICU's); after ไ-
   or ใ- and one consonant, a consonant with a vowel sign is no cluster's second
   (ไป|ระหว่าง, not the ปร of ไปรษณีย์); a consonant after ย or ว that closes a syllable
   (หมาย, แล้ว), or after -ะ, -ำ, ไ-, ใ-, starts a new one (หมาย|ความ, not หมายค|วาม);
   อ after a final is no vowel (เลือด|ออก, not เลือ|ดออก).
8. A consonant with -ิ or -ุ and no final after an open syllable is read two ways:
   a syllable of its own (อา|ยุ, สมา|ธิ) or the final of the syllable before, its
   vowel written but not read (ชาติ "chat", เหตุ, ภูมิ, ธาตุ: นานาชา|ติ, สมเห|ตุสมผล
   tear a syllable in two). Only a dictionary tells; inside a word a cut there is an
   emergency, as in rule 6.
9. รร (ro han) is the vowel of the consonant before it (วรรณ, กรรม, ครรภ์): that
   consonant starts a syllable and keeps its รร; after รร, or after the consonant
   that closes it, the dictionary decides (บรร|จุ, กรรม|การ).

Rules 2 and 4 also forbid a few real boundaries (แต่|สบาย, ข|ณะ): a lost break opportunity costs
a little raggedness; a break inside a syllable is a misprint.

ICU splits unknown Burmese and Khmer words inside syllables too: ဆဲ|လ်များ ("cells"),
ဝ|က်ဘ်ဆိုက် ("website"), កាស្ត្|រូ. There the script itself says where a syllable goes on
(`joined_to_previous`): a consonant killed by the Myanmar asat (လ်), silenced by the
Khmer toandakhiat (ន៍) or marked final by the Khmer bantoc (ស់) ends the syllable before
it, a consonant after the Myanmar stacker or the Khmer coeng is written under the one
before, a Burmese consonant written over the next (the က|မ္ဘာ of ကမ္ဘာ, ကမ် + ဘာ)
is the final of the syllable before, and a Khmer consonant that ends its word after a
vowel sign, bare or with a subscript, is that syllable's final (ម៉ា|ម, ពេ|ទ្យ).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Collection
from functools import cache, lru_cache
from pathlib import Path

THAI_CONSONANTS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
LEADING_VOWELS = "เแโใไ"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
MAI_HAN_AKAT = "\u0e31"
THANTHAKHAT = "\u0e4c"

VOWEL_MARKS = "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"
# Open syllables that take a final: เ แ โ + one or two consonants, เ-ีย / เ-ือ, and any
# syllable ending in a vowel sign that may be closed (า ี ื ู ุ ิ ึ: มา|ก, ดี|น, มิ|น).
#: Two consonants that start a syllable together: the true clusters (กร, กล, กว, ตร,
#: ปร, ...), the false ones read as one sound (ทร, จร, ซร, ศร, สร), those of loanwords
#: (ดร, บร, บล, ฟร, ฟล) and ห leading a low consonant (หม, หน, หล). Also the ways a
#: final consonant meets the next syllable's initial: ภาค|รัฐ, ลูก|วัว against ความ.
# fmt: off
CLUSTERS = frozenset((
    "กร", "กล", "กว", "ขร", "ขล", "ขว", "คร", "คล", "คว", "ตร", "ปร", "ปล", "พร", "พล",
    "ทร", "จร", "ซร", "ศร", "สร", "ดร", "บร", "บล", "ฟร", "ฟล",
    "หง", "หญ", "หน", "หม", "หย", "หร", "หล", "หว",
))
# fmt: on
_CLUSTER = "|".join(sorted(CLUSTERS))
#: Consonants that never close a Thai syllable (ห, ฉ, ผ, ฝ, ฮ): a bare one starts its
#: syllable, so a line never ends on it (มีห|มอ, มีผ|ล).
NEVER_FINAL = "ฉผฝหฮ"
#: Consonants that start a loanword's cluster written before a leading vowel (สเปรย์,
#: สแกน, สไลด์, สโตรมา: s + p, k, l, t) and close a syllable as well (มาสเตอร์).
LOAN_CLUSTER_STARTS = "ส"
#: The words in which อ leads ย (อย่า, อย่าง, อยู่, อยาก): อ and ย are one syllable.
O_LEADS_YO = ("ย่า", "ยู่", "ยาก")
#: ฤ and ฦ, vowels written as letters: with the consonant before them one syllable.
VOWEL_LETTERS = "ฤฦ"
#: An open syllable spelt with เ แ โ and one consonant or a cluster (แอ, เก, เปล): a
#: lone consonant after it, before a consonant with its own vowel, is its final.
_OPEN_SPELT_SHORT = re.compile(f"[เแโ](?:[{THAI_CONSONANTS}]|{_CLUSTER})$")
_OPEN = re.compile(
    f"(?:[เแโ](?:[{THAI_CONSONANTS}]|{_CLUSTER})|เ[{THAI_CONSONANTS}]{{1,2}}[ีื][ยอ])$"
)
OPEN_ENDINGS = "\u0e32\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39"


def is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def is_myanmar(char: str) -> bool:
    """A character of the Myanmar block (Burmese letters, signs, digits, ၊ ။)."""
    return "\u1000" <= char <= "\u109f"


#: Myanmar virama (the stacker, also of kinzi) and Khmer coeng: the next consonant is
#: written under this one. The viramas of the Indic scripts (Devanagari to Sinhala) join
#: their consonant to the next as a conjunct or a half form: स्|ट्रो would end a line on
#: a dead half-letter.
STACKERS = "\u1039\u17d2" + "\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca"
#: Myanmar asat and Khmer toandakhiat: the consonant they follow has no vowel of its own,
#: the final of the syllable before. Myanmar's dot below may stand between (န့်). Khmer
#: bantoc is written only over the final consonant of a syllable, to shorten its vowel
#: (SEAsite Khmer, NIU: ចង់, ស្លាប់); ICU splits ហ្វា|ស់, ម៉ា|ប់ in words it does not know.
KILLERS = "\u103a\u17cd\u17cb"
BEFORE_KILLER = "\u1037"
#: The Myanmar stacker: the consonant before it is written over the next (ကမ္ဘာ is
#: ကမ် + ဘာ, ဗုဒ္ဓ is ဗုဒ် + ဓ), the final of the syllable before, as if killed by asat.
#: A Burmese stack never starts a word. A Khmer consonant before a coeng usually starts
#: its syllable (ស្រី, វិ|ទ្យា), and an Indic one before a virama is a half form of the
#: next syllable's conjunct: neither is joined to what comes before.
MYANMAR_STACKER = "\u1039"


def joined_to_previous(text: str, i: int) -> bool:
    """Whether ``text[i]`` is part of the syllable that ``text[i - 1]`` is in, by the
    signs that say so (a consonant stacked or joined by a virama, a Burmese consonant
    stacked over the next, a Burmese or Khmer killed consonant, a Khmer final ending
    its text)."""
    if text[i - 1] in STACKERS or final_consonant(text, i):
        return True
    return _khmer_final(text, i)


def final_consonant(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a consonant its signs say is the final of the syllable
    before: a Burmese one stacked over the next, or a Burmese or Khmer one killed
    (asat, toandakhiat, bantoc). Unlike `joined_to_previous`'s other readings, these
    are never in doubt: no line starts with such a consonant, whatever break is asked."""
    if text[i + 1 : i + 2] == MYANMAR_STACKER:
        return True
    j = i + 1
    while j < len(text) and text[j] in BEFORE_KILLER:
        j += 1
    return j < len(text) and text[j] in KILLERS


def _khmer_final(text: str, i: int) -> bool:
    """A Khmer consonant right after a vowel sign (ា … ៈ), ending its Khmer text bare or
    with one or two subscripts, is that syllable's final (ម៉ា|ម, អាស៊ីតាមីណូហ្វែ|ន in
    words ICU does not know), in practice never a syllable of its own with the inherent
    vowel. With subscripts it is a final cluster whose subscript is silent (ពេទ្យ
    "pet", ចិត្ត, សាស្ត្រ; SEAsite Khmer, NIU): ពេ|ទ្យ tears the syllable in two. A
    subscript usually starts the next syllable's cluster (ស្រី, វិទ្យា): only at the
    end of the text, with no vowel after it, is it taken for a final. Inside a word a
    consonant is undecidable (បា|នភ្លាម, a final; បា|រមី, a new syllable): left to ICU."""
    if not ("\u1780" <= text[i] <= "\u17a2" and "\u17b6" <= text[i - 1] <= "\u17c8"):
        return False
    j = i + 1
    for _ in range(KHMER_FINAL_SUBSCRIPTS):
        if text[j : j + 1] != KHMER_COENG or not "\u1780" <= text[j + 1 : j + 2] <= "\u17a2":
            break
        j += 2
    # the end of its word: no Khmer letter or sign follows (a khan ។ may)
    return j == len(text) or not "\u1780" <= text[j] <= "\u17d3"


def khmer_lone_finals(text: str, breaks: Collection[int]) -> set[int]:
    """Those of ICU's ``breaks`` that stand before a bare Khmer consonant ICU left as a
    piece of its own after a vowel sign: ក្លី|និ|ក ("clinic"), អ៊ី|ន|ស៊ុយ ("insulin"),
    ហ្វា|ក. ICU cuts a word it does not know into clusters, and a syllable's final
    consonant then became one: a narrow line started with the ក of និក. A consonant
    with no vowel, sign or subscript between two of ICU's breaks, right after a vowel
    sign, is that syllable's final (loanwords spell their vowels; words with a bare
    syllable of their own, សុខភាព, are in ICU's dictionary). Losing a break before a
    one-letter word (ឈឺ|ក, "neck") costs a line a little raggedness."""
    return {i for i in breaks if i + 1 in breaks and _bare_khmer_final(text, i)}


def khmer_glued_finals(text: str, breaks: Collection[int]) -> set[int]:
    """Those of ICU's ``breaks`` that stand before a bare Khmer consonant after a vowel
    sign which ICU glued to the syllable after it: វីរុ|សបាក់, លី|នវេជ្ជ, ហ្សែ|នដែល,
    ទទួ|លភ្លាមៗ (ICU fits an unknown word, or one before ៗ, to the letters of the
    next). By the spelling such a consonant, with no vowel, sign or subscript of its
    own, is the final of the syllable before it. It may also start a word with its
    inherent vowel (ជា|ទទួល, ជា|មនុស្ស, ជំងឺ|មហារីក): only a dictionary tells, and
    the caller asks ICU's (`segmentation.khmer_breaks`)."""
    return {i for i in breaks if i + 1 not in breaks and _bare_khmer_final(text, i)}


def _bare_khmer_final(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a Khmer consonant right after a vowel sign (ា … ៅ) with
    the next syllable's letter (a consonant or an independent vowel) right after it:
    no vowel, sign or subscript of its own. After ំ, ះ or ៈ the syllable is closed
    (ជំ|ងឺ): a consonant there starts one."""
    return (
        0 < i < len(text) - 1
        and "\u1780" <= text[i] <= "\u17a2"
        and "\u17b6" <= text[i - 1] <= "\u17c5"
        and "\u1780" <= text[i + 1] <= "\u17b3"  # the next syllable's letter
    )


KHMER_COENG = "\u17d2"
#: Subscripts a final cluster may carry: ទ្យ in ពេទ្យ, ត្រ in សាស្ត្រ (ស + ្ត + ្រ).
KHMER_FINAL_SUBSCRIPTS = 2


@cache
def _tcc_pos() -> Callable[[str], set[int]]:
    """PyThaiNLP's ``tcc_pos``, loaded from ``pythainlp/tokenize/tcc.py`` alone.

    ``import pythainlp.tokenize.tcc`` runs the package's ``__init__`` first, which
    imports its soundex, transliteration and util modules and compiles their regexes
    (an emoji table, Thai number words): 45-80 ms of a cold Thai build for nothing we
    use. ``tcc.py`` imports only ``re``, so it runs the same on its own. If the package
    is already imported (a test, a plugin), its module is used as it is.
    """
    loaded = sys.modules.get("pythainlp.tokenize.tcc")
    if loaded is None:
        package = importlib.util.find_spec("pythainlp")  # finds, does not import
        folders = package.submodule_search_locations if package else None
        if not folders:
            raise ModuleNotFoundError("pythainlp is not installed", name="pythainlp")
        path = f"{next(iter(folders))}/tokenize/tcc.py"
        spec = importlib.util.spec_from_file_location("_msc_leaflet_pythainlp_tcc", path)
        assert spec is not None and spec.loader is not None
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
    tcc_pos: Callable[[str], set[int]] = loaded.tcc_pos
    return tcc_pos


def _pythainlp_file(relative: str) -> Path | None:
    """The path of a file of the installed ``pythainlp`` package, found without
    importing it (`_tcc_pos` says why), or None where it is not there."""
    package = importlib.util.find_spec("pythainlp")  # finds, does not import
    folders = package.submodule_search_locations if package else None
    if not folders:
        return None
    path = Path(next(iter(folders))) / relative
    return path if path.is_file() else None


@cache
def _listed_syllables() -> frozenset[str]:
    """PyThaiNLP's list of Thai syllables (``corpus/syllables_th.txt``, ~10,000), read as
    a file: the one source that knows สอด|คล้อง, ทบ|ทวน and สโตร|มัล where the spelling
    reads two ways. Empty if the package has no such list (the spelling alone decides)."""
    path = _pythainlp_file(SYLLABLE_LIST)
    if path is None:
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


SYLLABLE_LIST = "corpus/syllables_th.txt"
#: The most Thai character clusters one syllable holds (สโตร, เครื่อง, ศาสตร์: 1-4).
SYLLABLE_CLUSTERS = 5


@lru_cache(maxsize=1024)
def listed_syllable_ends(run: str) -> frozenset[int]:
    """Ends (0 < i < len) of the syllables of the Thai ``run`` by PyThaiNLP's syllable
    list: the split along its clusters (`cluster_ends`) that leaves the fewest letters
    in pieces the list does not hold, then has the fewest pieces (maximal matching).
    Where the spelling reads two ways (สอด|คล้อง or สอดค|ล้อง, ทบ|ทวน or ทบทว|น) and no
    word dictionary has spoken, as inside a word cut in a narrow column, this says
    which is a syllable's edge."""
    listed = _listed_syllables()
    ends = [0, *sorted(cluster_ends(run))]
    if not listed or ends[-1] != len(run):
        return frozenset()
    best: dict[int, tuple[int, int, int]] = {0: (0, 0, 0)}  # end: (unknown, pieces, start)
    for j, end in enumerate(ends[1:], start=1):
        options = []
        for start in ends[max(0, j - SYLLABLE_CLUSTERS) : j]:
            unknown, pieces, _ = best[start]
            piece = run[start:end]
            options.append((unknown + (0 if piece in listed else len(piece)), pieces + 1, start))
        best[end] = min(options)
    found, at = set(), best[len(run)][2]
    while at:
        found.add(at)
        at = best[at][2]
    return frozenset(found)


@lru_cache(maxsize=4096)
def cluster_ends(text: str) -> frozenset[int]:
    """End offsets of the Thai Character Clusters of ``text``."""
    return frozenset(_tcc_pos()(text))


def syllable_break(text: str, i: int, dictionary: bool = False) -> bool:
    """Whether a break between ``text[i-1]`` and ``text[i]`` (both Thai) keeps every
    syllable whole. Callers check only breaks between two Thai characters.

    Where the spelling allows both readings (rule 6: มี|ความ or มีค|วาม), the answer
    is ``dictionary``: whether a dictionary (ICU's) put a word boundary here."""
    verdict = _syllable_verdict(text, i)
    return dictionary if verdict is None else verdict


def listed_syllable_break(text: str, i: int) -> bool:
    """`syllable_break` for a break inside a word no dictionary broke (a piece wider than
    a narrow column is cut): where the spelling reads two ways, PyThaiNLP's syllable
    list decides (`listed_syllable_ends`): สอด|คล้อง and ทบ|ทวน are syllable edges,
    สอดค|ล้อง and ทบทว|น are not."""
    verdict = _syllable_verdict(text, i)
    if verdict is not None:
        return verdict
    start, end = _thai_run(text, i)
    return i - start in listed_syllable_ends(_run_text(text, start, end))


def _syllable_verdict(text: str, i: int) -> bool | None:
    """`syllable_break`'s answer by the spelling alone; None where it cannot tell."""
    start, end = _thai_run(text, i)
    run = _run_text(text, start, end)
    at = i - start
    if at not in cluster_ends(run):
        return False
    before = _tail(run, at)[0]
    if before.endswith(MAI_HAN_AKAT):
        return False
    if _beside_ro_han(run, at):
        return _ro_han_verdict(run, at)
    after = _head(run, at)
    if run[at - 1] == "อ" and after.startswith(O_LEADS_YO):
        return False  # อ leads ย: อย่าง, อยู่, อยาก (ICU: ได้ผลอ|ย่าง)
    if after[0] == "อ" and after[1:].startswith(O_LEADS_YO):
        return True  # ได้ผล|อย่าง: อย่าง starts a syllable
    if _is_lone(run, at - 1, at) and after[0] in VOWEL_LETTERS and not _is_final(run, at - 1):
        return False  # a consonant and ฤ are one syllable: อังกฤษ, พฤติกรรม (not ออก|ฤทธิ์)
    if _leading_vowel_cluster(run, at):
        return False  # a cluster after its leading vowel: ใหม่, เหมือน, ตำแหน่ง
    if after[0] in LEADING_VOWELS and _is_lone(run, at - 1, at):
        loan = run[at - 1] in LOAN_CLUSTER_STARTS  # ส|โตร is inside สโตร, มาส|เตอร์ is not
        if loan:
            return None if _is_final(run, at - 1) else False
    vowel_o = after[0] == "อ" and after[1:].lstrip(TONE_MARKS)[:1] not in VOWEL_MARKS
    closed = _is_final(run, at - 1 - (run[at - 1] in TONE_MARKS))
    if vowel_o and _after_bare_consonant(run, at) and not closed:
        return False  # อ after a consonant is the vowel -อ (ต้|อง, ร|อล), not after เลือด
    # ฝึก|อบรม (อ an initial after a short vowel's final) or ฝึ|กอบ: the dictionary decides
    initial_o = vowel_o and _closes_short_vowel(run, at - 1)
    bare = before[-1:] in THAI_CONSONANTS and _is_lone(run, at, at + 1) and _bare_vowel(run, at)
    if bare and not initial_o:
        return False  # ว between bare consonants is the vowel -ัว of the first (ค|วร)
    lone = _is_lone(run, at, at + 1 + (1 if after[1:2] == THANTHAKHAT else 0))
    k = at - 1 - (run[at - 1] in TONE_MARKS)  # the consonant before, under its tone mark
    if _is_lone(run, k, at) and after[0] in THAI_CONSONANTS and not _is_vowel_o(run, k):
        pair = run[k] + run[at]
        if run[k] in NEVER_FINAL:
            return False  # มีห|มอ: ห starts the syllable after it
        if k < at - 1 or not _is_final(run, k):  # a tone mark is never on a final: ค้|น
            if k == at - 1 and _may_close(run, k):
                return None  # คน|บอก, ลด|ลง, สามารถ|บอก (a final) or ส|บาย, ง|ด (an initial)
            starts = not lone or run[at : at + 2] in CLUSTERS  # รับ, ประ: this one starts
            if not starts or pair in CLUSTERS:
                return False  # two bare consonants: a cluster (ค|รี) or initial+final (ง|ด)
            return None  # สามารถ|รับ, บัตร|ประ (a final's silent second) or ส|บาย
        if pair in CLUSTERS and _open(_tail(run, k, strip=False)[0]):
            return None  # ภาค|รัฐ or มีค|วาม: a final, or the first of a cluster
    if _silent_vowel_reading(run, at, before):
        return None  # ชา|ติ, เห|ตุ (a final whose vowel is not read) or อา|ยุ
    if not lone:
        return True
    follower = run[at + 1 : at + 2]
    if follower in LEADING_VOWELS and follower and not _is_final(run, at):
        return True  # no final after ใ-, ไ-, -ะ, -ำ or a final: ใช้|สโตร, a loan's cluster
    if follower in LEADING_VOWELS and run[at] in LOAN_CLUSTER_STARTS:
        return None  # มาส|เตอร์ (a final) or มี|สแกน, ที่|สเปรย์ (a loanword's cluster)
    if follower == "" or follower in LEADING_VOWELS:
        return False  # a final consonant: the Thai text ends or a new syllable follows
    if _bare_vowel(run, at + 1):
        return True  # its vowel is the -อ or -ัว after it: this one starts a syllable (|ของ)
    if run[at + 2 : at + 3] == THANTHAKHAT:
        return True  # the consonant after it is silent (ทรัพย์): this one starts a syllable
    if run[at] in NEVER_FINAL:
        return True  # a consonant that closes no syllable starts one (มี|หมอ)
    if not _open(before):
        if _is_lone(run, at - 1, at) and _is_final(run, at - 1):
            return None  # สามาร|ถรับ, บัต|รประชาชน (a silent second final) or ภาค|ประชาชน
        return True  # after a closed syllable
    if run[at : at + 2] in CLUSTERS:
        return None  # มี|ความ or ภา|ครัฐ: the first of a cluster, or a final
    if _is_lone(run, at + 1, at + 2):
        return None  # มี|คน, ที่|ลง (a vowel not written) or มีด|... (a final)
    if _OPEN_SPELT_SHORT.search(before.translate(_NO_TONE_MARKS)):
        return False  # แอ|ลดี: after เ แ โ and one consonant or a cluster, a final
    return None  # ที่|ขยาย, ต่อ|พยาบาล, นี้|อธิบาย (a vowel not written) or ที่ข|ยาย


#: รร (ro han) after a consonant is its vowel: -ั- with the consonant after it as the
#: final (กรรม "kam", วรรณ "wan"), or -ัน when none follows (บรร|จุ "ban-chu").
RO_HAN = "รร"


def _is_ro_han(run: str, k: int) -> bool:
    """Whether ``run[k:k + 2]`` is a ro han: รร after a bare consonant, the second ร
    with no vowel or tone mark of its own (กรรม, วรรณ, บรรจุ). After a vowel the first
    ร closes its syllable and the second starts a word (การ|รักษา, อาหาร|รส), and a ร
    with a vowel is a consonant (การ|ร้อง, จักร|ราศี)."""
    return (
        k >= 1
        and run[k : k + 2] == RO_HAN
        and run[k - 1] in THAI_CONSONANTS
        and (k < 2 or run[k - 2] not in LEADING_VOWELS)
        and not (run[k + 2 : k + 3] and run[k + 2] in _OWN_VOWEL_OF_RO)
    )


#: Signs on the second ร that make it a consonant with its own vowel, not a ro han.
_OWN_VOWEL_OF_RO = VOWEL_MARKS + TONE_MARKS + THANTHAKHAT


def _beside_ro_han(run: str, at: int) -> bool:
    """Whether a break at ``at`` touches a ro han's syllable: before the consonant that
    carries it, inside it, right after it or after the consonant that closes it."""
    return any(_is_ro_han(run, k) for k in (at + 1, at - 2, at - 1, at)) or (
        _is_ro_han(run, at - 3) and _is_lone(run, at - 1, at)
    )


def _ro_han_verdict(run: str, at: int) -> bool | None:
    """`_syllable_verdict` beside a ro han (`_beside_ro_han`): a consonant that carries
    one starts a syllable (ทบทวน|วรรณกรรม, ตั้ง|ครรภ์), and no break parts it from its
    รร. After รร, or after the consonant that closes it, that consonant may be the
    final or the next syllable's initial (กรรม|การ against บรรจ|ง, บรร|จุ against
    กรร|ม): the dictionary decides. Rule 5 took the ว of วรรณ for the vowel -ัว of the
    น before it, and the ม of กรรม for no final: ICU's ทบทวน|วรรณกรรม|ของ lost both
    breaks, and a 90 pt column cut the word as an emergency, วรรณ|กรรม."""
    if _is_ro_han(run, at + 1):
        return True  # the consonant that carries the ro han starts its syllable
    if _is_ro_han(run, at) or _is_ro_han(run, at - 1):
        return False  # between a consonant and its ro han, or inside the ro han
    return None  # บรร|จุ or กรร|ม; กรรม|การ or บรรจ|ง


#: Short vowels written after their consonant that rarely end a syllable open: a bare
#: consonant after one is read as its final (ฝึก, ติด, จุด).
SHORT_VOWELS = "\u0e34\u0e36\u0e38"


def _closes_short_vowel(run: str, k: int) -> bool:
    """Whether ``run[k]`` is a bare consonant right after a short vowel (ฝึก, ติด, จุด).
    Before อ and a bare consonant it is read two ways, that syllable's final and อ an
    initial (ฝึก|อบรม, จุด|อ่อน), or the initial of a syllable of -อ (ฝึ|กอบ): the
    dictionary decides. After a long vowel -อ wins (ท่า|นอน, not ท่าน|อน)."""
    return run[k] in THAI_CONSONANTS and _tail(run, k)[0][-1:] in SHORT_VOWELS


def _may_close(run: str, k: int) -> bool:
    """Whether the bare consonant ``run[k]``, after a bare consonant, may close a syllable
    the one before it starts (คน, ลด, สงบ: a vowel not written) or be a final's silent
    second (สามารถ). After a final ย or ว (หมาย, แล้ว) it starts a syllable."""
    return _is_lone(run, k - 1, k) and not (run[k - 1] in "ยว" and _is_final(run, k - 1))


def _leading_vowel_cluster(run: str, at: int) -> bool:
    """Whether a break at ``at`` parts a cluster written after its leading vowel (ให|ม่,
    เห|มือน, ตำแห|น่ง). After ไ- and ใ-, which take no vowel sign on their consonants,
    a consonant with a vowel sign of its own is no cluster's: it starts the next
    syllable (ไป|ระหว่าง, where ปร only looks like the cluster of ไปรษณีย์)."""
    if at < 2 or run[at - 2] not in LEADING_VOWELS or run[at - 1 : at + 1] not in CLUSTERS:
        return False
    own_vowel = run[at + 1 : at + 2] in tuple(VOWEL_MARKS)
    return not (run[at - 2] in "ไใ" and own_vowel)


def _silent_vowel_reading(run: str, at: int, before: str) -> bool:
    """Whether ``run[at]``, a consonant with -ิ or -ุ and no final after it, may be the
    final of the open syllable ``before`` ends with, its vowel written but not read
    (ชาติ "chat", เหตุ "het", ภูมิ "phum", in words from Pali and Sanskrit), rather than
    a syllable of its own (อา|ยุ, สมา|ธิ, นา|ฬิ|กา). Spelling cannot tell them apart."""
    if run[at] not in THAI_CONSONANTS or run[at + 1 : at + 2] not in SILENT_VOWELS:
        return False
    if not _open(before):
        return False  # ปก|ติ, ส|ติ, ระ|บุ: after a closed syllable it is one of its own
    final = at + 2  # a final after the vowel makes it read: ชี|วิต, อา|ทิตย์
    if run[final : final + 1] in tuple(TONE_MARKS):
        return False  # a vowel with a tone is read: ภูมิ|คุ้ม
    if run[final : final + 1] in NEVER_FINAL or run[final : final + 1] not in THAI_CONSONANTS:
        return True  # the text ends, a syllable starts (ชาติ|พันธุ์, เหตุ|ผล)
    if run[final + 2 : final + 3] == THANTHAKHAT:
        return False  # a final with a silenced letter after it: อา|ทิตย์
    return not (_is_lone(run, final, final + 1) and not _is_lone(run, final + 1, final + 2))


#: The vowels Thai writes but does not read after a final from Pali and Sanskrit
#: (ชาติ, ภูมิ, เหตุ, ธาตุ): -ิ and -ุ, one character each.
SILENT_VOWELS = ("ิ", "ุ")


def _open(before: str) -> bool:
    """Whether the syllable ``before`` ends with (tone marks stripped) may still take a
    final consonant: มี, แอ, โร, เปรี, เรื่อ, หมอ (-อ, which closes in ของ), not โรง
    or ไฟ."""
    before = before[-6:].translate(_NO_TONE_MARKS)
    if before[-1:] == "อ" and before[-2:-1] in THAI_CONSONANTS:
        return True  # the vowel -อ (หมอ, พ่อ); an initial อ would have a vowel after it
    return _OPEN.search(before) is not None or before[-1:] in OPEN_ENDINGS


_NO_TONE_MARKS = str.maketrans("", "", TONE_MARKS)


def _is_lone(run: str, start: int, end: int) -> bool:
    """Whether ``run[start:end]`` is one TCC holding a consonant with no vowel."""
    if not (0 <= start < len(run)) or run[start] not in THAI_CONSONANTS:
        return False
    if start and run[start - 1] in LEADING_VOWELS:
        return False
    # Both ends are cluster ends, or 0 (the run's start), looked up one by one: the
    # union with {0} copied the run's whole set of ends at each of a Thai paragraph's
    # ~25 questions per break.
    ends = cluster_ends(run)
    if (start and start not in ends) or (end and end not in ends):
        return False
    return not any(c in VOWEL_MARKS for c in run[start + 1 : end])


def _is_final(run: str, index: int) -> bool:
    """Whether the bare consonant at ``index`` closes a syllable with a vowel before it
    (ซัก, เตรียม, เมต), rather than starting one. Not after a syllable that is closed
    already: -ะ, -ำ, ไ-, ใ- (ได้|กลับ), or a final ย or ว (หมาย|ความ, แล้ว|กลับ)."""
    base, skipped = _tail(run, index)
    p = base[-1:]
    if not p or p in "ะำ" or base[-2:-1] in "ไใ":
        return False
    if p in VOWEL_MARKS or (p in THAI_CONSONANTS and run[index - 1] in TONE_MARKS):
        return True  # มีค, ต้น (a consonant with its tone, the vowel -o unwritten)
    mark = base[:-1].rstrip(TONE_MARKS)[-1:]
    if (p, mark) in (("ย", "ี"), ("อ", "ื")):
        return True  # the ย of เ-ีย, the อ of เ-ือ
    if p == "อ" and _vowel_o(run, skipped + len(base) - 1):
        return True  # the vowel -อ: ต้อง
    if index >= 1 and _bare_vowel(run, index - 1):
        return True  # a final after -อ or -ัว written bare: ของ, ควร
    if base[-3:-2] in tuple("เแโ") and base[-2:] in CLUSTERS:
        return True  # โปรด, แปลก, เพลง: เ แ โ + a cluster + final
    return base[-2:-1] in tuple("เแโ")  # เมต, แอล, แจ้ง: เ + consonant + final


def _bare_vowel(run: str, index: int) -> bool:
    """Whether ``run[index]`` is อ or ว written as the vowel of the bare consonant before
    it, closed by the bare consonant after it: the -อ of ของ, นอน, the -ัว of ควร, สวน,
    ตรวจ (the ั is written only when no final follows: ตัว). Between two consonants
    with no vowel of their own, อ or ว is no initial: that would leave the consonant
    before it a syllable with no vowel at all.
    """
    return (
        run[index : index + 1] in ("อ", "ว")
        and _is_lone(run, index, index + 1)
        and _after_bare_consonant(run, index)
        and _is_lone(run, index + 1, index + 2)
        and run[index + 1] not in NEVER_FINAL + "อ"  # no final: the ด|ออก of เลือดออก
    )


def _after_bare_consonant(run: str, index: int) -> bool:
    """Whether ``run[index]`` follows a consonant with no vowel of its own, a tone mark
    perhaps between (the ส่ of ส่วน, the ต้ of ต้อง)."""
    k = index - 1
    if k >= 1 and run[k] in TONE_MARKS:
        k -= 1
    return k >= 0 and run[k] in THAI_CONSONANTS and (k == 0 or run[k - 1] not in LEADING_VOWELS)


def _is_vowel_o(run: str, index: int) -> bool:
    """Whether ``run[index]`` is an อ written as the vowel -อ (รอ, ขอ, ต่อ): the syllable
    it ends is open, and no bare consonant that starts or closes one (รอ|ผล)."""
    return run[index] == "อ" and _vowel_o(run, index)


def _vowel_o(run: str, index: int) -> bool:
    """Whether the อ at ``index`` is the vowel -อ of the bare consonant before it (ต่อ,
    ของ), not an initial (ได้|อย่าง)."""
    return _after_bare_consonant(run, index) and not (index >= 2 and run[index - 1] in VOWEL_MARKS)


#: Letters other than tone marks that `_tail` and `_head` keep on the side of a break
#: they read: more than any syllable rule looks at (`_OPEN` reads six characters).
_KEPT_LETTERS = 8


def _tail(run: str, end: int, *, strip: bool = True) -> tuple[str, int]:
    """``run[:end]``, the tone marks at its end stripped (``strip``), cut to its last
    characters, and the offset in ``run`` where they start. The syllable rules read a
    few letters before a break; a copy of all of the run before every break made one
    long Thai run quadratic (a 256,000-letter msgstr of one "word": 21 s to set).
    `_KEPT_LETTERS` that are not tone marks are kept, so every rule reads what the
    whole would show it."""
    start = max(0, end - 4 * _KEPT_LETTERS)
    while start and len(run[start:end].translate(_NO_TONE_MARKS)) < _KEPT_LETTERS:
        start = max(0, 2 * start - end)
    kept = run[start:end]
    return (kept.rstrip(TONE_MARKS) if strip else kept), start


def _head(run: str, start: int) -> str:
    """``run[start:]`` cut to its first characters, as `_tail` cuts what comes before."""
    end = min(len(run), start + 4 * _KEPT_LETTERS)
    while end < len(run) and len(run[start:end].translate(_NO_TONE_MARKS)) < _KEPT_LETTERS:
        end = min(len(run), 2 * end - start)
    return run[start:end]


@lru_cache(maxsize=64)
def _run_text(text: str, start: int, end: int) -> str:
    """``text[start:end]``, the Thai run a break falls in, one string for every break
    in it: made anew for each, it was copied and hashed again (`cluster_ends` and
    `listed_syllable_ends` are cached by it) at every break of a long run."""
    return text[start:end]


def _thai_run(text: str, i: int) -> tuple[int, int]:
    """(start, end) of the stretch of Thai characters around position ``i``."""
    starts, ends = _thai_runs(text)
    k = bisect_right(starts, i - 1) - 1  # the run holding text[i - 1], if any
    start = starts[k] if k >= 0 and i - 1 < ends[k] and i > 0 else i
    k = bisect_right(starts, i) - 1  # the run holding text[i], if any
    end = ends[k] if k >= 0 and i < ends[k] else i
    return start, end


_THAI_RUN = re.compile("[\u0e00-\u0e7f]+")


@lru_cache(maxsize=64)
def _thai_runs(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the Thai stretches of a paragraph. Every break opportunity of a
    paragraph asks for its stretch: walking out from each one character by character
    cost 20 µs a time, a tenth of the time to make a Thai paragraph."""
    runs = [m.span() for m in _THAI_RUN.finditer(text)]
    return tuple(a for a, _ in runs), tuple(b for _, b in runs)
