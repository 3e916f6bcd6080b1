"""The Chinese pages read as a Hong Kong financial editor reads them.

Renders the whole site once per session (every edition, execution off, into a temporary ESGBOOK_BUILD, or
ESGBOOK_TEST_BUILD when set, which tests/test_browser.py shares) and reads the visible text of every
Chinese HTML page, the theme's frame included (script and style left out, code left out of the prose
checks). Each check below is a thing the Chinese edition must never print:

- a Simplified-only character (a vetted list: each character below has no use in Hong Kong Traditional
  text), in the text or in a visible attribute (title, alt, aria-label, placeholder);
- a variant that esgbook/book/narrative/zh_hant/glossary.csv forbids (outside the phrases it quotes from the
  source as printed);
- a gloss that repeats its term (「X（X）」);
- an English word outside the allowed codes (HKEX, SASB, KPI ids such as A1.2 or FN-CF-230a.1, file names,
  units, names such as Argus, IPCC, MEE);
- half-width punctuation right after a Han character; a stray space between two Han characters or after
  full-width punctuation;
- 「個」 before a noun for which the glossary gives another measure word, or after a decimal count.

`python tests/test_zh_pages.py FILE...` runs the same checks over text files (e.g. the output of
scripts/preview.py --lang zh_hant), one finding a line.
"""
from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GLOSSARY = REPO / "esgbook" / "book" / "narrative" / "zh_hant" / "glossary.csv"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Simplified-only characters (each with its Traditional form in Hong Kong text): the common ones of
# reports and of a web page's frame. Characters that are also Traditional (台 后 里 范 云 据 采 几 才 只
# 着 强 册 周 系 制 准 划 冲) are left out on purpose.
SIMPLIFIED = set(
    "这個们转页导当内与时会来对发过还进经动专业东两产从优体数无机权条极标样检气环现电监确离称类级组结"
    "统绿职联营规视计认训记设证评识诉质贷费资达运选银长问间际险难题风验报务区单变图场处实应广总态户护"
    "换损术构汇济测积稳节续网见观车门顶击浏览显隐藏颜载录链编辑码为说历岁须适别没吕况决净减众关开个"
    "这亿仅价伤债儿兴养农则创劳势医华协卖压县参双号团园围坏块备复头夺奋妇宝宽寻将尘层属币师带帮庆库"
    "张弹彻径恶怀战执扩扫择挥断旧显楼欢爱疗盐盖础种税竞笔纪线细织绝继罗胜脑药虽览让访询该详语误请调"
    "谈谢赛轻边迁递释钱铁锋闻阶陆随顺预领频飞饭馆鲜龙温"
) - set("個藏")  # 個 and 藏 are Traditional; listed above only by slip of the pen, never checked
ATTRS = ("title", "alt", "aria-label", "placeholder")

# English the Chinese pages may keep: codes, names, units and standards.
ALLOWED_WORDS = {
    "A", "AI", "APP", "App", "Arelle", "Argus", "English", "esgbook", "AUC", "B", "BI", "BPO", "C", "CNY", "CO",
    "CO2e", "CSV", "D", "DSG", "e", "EHS", "ESG", "Frictionless", "GB", "GHG", "GJ", "Glaucus", "GWh", "H", "L", "M",
    "HKEX", "IEC", "IFRS", "Inline", "IPCC", "ISO", "ISSB", "IT", "JSON", "Jupyter", "kg", "km", "KPI", "kWh",
    "LLM", "m", "MDR", "MEE", "ModelRobot", "MWh", "NASDAQ", "Nasdaq", "NBS", "OIM", "papermill", "PDF",
    "pp", "PUE", "Python", "QFIN", "Qifu", "RMB", "SASB", "SLA", "Sphinx", "t", "TCFD", "tCO", "tCO2e", "UTR",
    "x", "XBRL", "XHTML",
}
ALLOWED_PATTERNS = [
    r"https?://\S+",                                           # URLs
    r"(?<![\w.])\.(?:ipynb|pdf|md|html|csv|json|zip)\b",        # a download's file type (.ipynb, .pdf)
    r"[\w./-]+\.(?:csv|json|xlsx|zip|xhtml|html|pdf|md|ipynb|py|txt)\b",  # file names and paths
    r"(?<![A-Za-z0-9])[A-Z]{2}-[A-Z]{2}-\d{3}(?:[a-z]\.\d+|\.[A-Z])(?![A-Za-z0-9])",  # SASB: FN-CF-230a.1
    r"(?<![A-Za-z0-9])(?:MDR\.?|[A-D])\d+(?:\.\d+)*(?![A-Za-z0-9])",  # HKEX guide items: A1.2, B6, MDR.1
    r"(?<![A-Za-z0-9])D-[A-Z]{3}-\d+(?![A-Za-z0-9])",                 # climate register items: D-MET-1
    r"\bqfesg:\w+\b",                                          # taxonomy concept names
]
ALLOWED_RE = re.compile("|".join(ALLOWED_PATTERNS))
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")

HALF_PUNCT = re.compile(rf"[{HAN}」』）》][,.;:!()]|[()][{HAN}]|[{HAN}] [(]|[{HAN}] & [{HAN}]")
NUMBER_DOT = re.compile(rf"[{HAN}]\.(?=\d)")                   # 「約.5」 never occurs; kept out of the rule above
HAN_SPACE = re.compile(rf"[{HAN}]\s+[{HAN}]")
PUNCT_SPACE = re.compile(rf"[。，；：！？、」）]\s+(?=[{HAN}「（])")
GLOSS = re.compile(r"([^（）()\s]+)\s?[（(]([^（）()]+)[）)]")
DECIMAL_COUNT = re.compile(r"\d\.\d+個(?!百分點|基點)")


def glossary() -> list[dict[str, str]]:
    with open(GLOSSARY, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _rules():
    rows = glossary()
    avoid = []
    for row in rows:
        quoted = [q for q in row.get("keep_quoted", "").split("|") if q]
        for variant in (v for v in row["avoid"].split("|") if v):
            avoid.append((variant, row["zh"], quoted))
    measure = [(row["zh"], row["measure_word"]) for row in rows
               if row["measure_word"] and row["measure_word"] != "個" and row["zh"] != row["measure_word"]]
    return avoid, measure


AVOID, MEASURE = _rules()


def check(text: str, prose: bool = True) -> list[tuple[str, str]]:
    """The findings in one run of visible text: (kind, excerpt)."""
    found = []

    def hit(kind, m, s=text):
        found.append((kind, s[max(0, m.start() - 12):m.end() + 12].replace("\n", " ")))

    for i, ch in enumerate(text):
        if ch in SIMPLIFIED:
            found.append(("simplified", text[max(0, i - 10):i + 10]))
    if not prose:
        return found
    for variant, zh, quoted in AVOID:
        t = text
        for q in quoted:
            t = t.replace(q, "＿" * len(q))
        for m in re.finditer(re.escape(variant), t):
            found.append(("glossary", f"{variant} (use {zh}): " + t[max(0, m.start() - 12):m.end() + 12]))
    for m in GLOSS.finditer(text):
        term, gloss = m[1].strip(), m[2].strip()
        if gloss and (term.endswith(gloss) or term == gloss):
            hit("repeated gloss", m)
    plain = ALLOWED_RE.sub(" ", text)
    for m in WORD.finditer(plain):
        if m[0] not in ALLOWED_WORDS:
            hit("english", m, plain)
    for m in HALF_PUNCT.finditer(text):
        hit("half-width punctuation", m)
    for m in HAN_SPACE.finditer(text):
        hit("space between Han", m)
    for m in PUNCT_SPACE.finditer(text):
        hit("space after punctuation", m)
    for zh, word in MEASURE:
        for m in re.finditer(rf"(?<!整)個「?{re.escape(zh)}", text):
            found.append(("measure word", f"{word} for {zh}: " + text[max(0, m.start() - 12):m.end() + 8]))
    for m in DECIMAL_COUNT.finditer(text):
        hit("measure word", m)
    return found


# -- visible text of an HTML page ----------------------------------------------------------------
BLOCK = {"p", "li", "ul", "ol", "div", "section", "article", "aside", "nav", "header", "footer", "main", "table",
         "thead", "tbody", "tr", "td", "th", "caption", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
         "dl", "dt", "dd", "blockquote", "br", "hr", "form", "label", "button", "select", "option", "title",
         "summary", "details", "text", "tspan", "g", "svg", "body", "head", "html", "img", "input"}
DROP = {"script", "style", "noscript", "template", "meta", "link"}
CODE = {"code", "pre", "kbd", "samp", "tt"}


def page_chunks(html: str) -> list[tuple[str, bool]]:
    """The page's visible text as runs a reader reads together, each with whether it is prose (not code):
    a block element ends a run, inline elements (a, span, strong, em) continue it."""
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    soup = BeautifulSoup(html, "html.parser")
    chunks, current = [], []

    def flush(prose):
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        if text:
            chunks.append((text, prose))
        current.clear()

    def walk(node, prose):
        for child in node.children:
            if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child))
                continue
            name = child.name
            if name in DROP:
                continue
            for attr in ATTRS:
                if child.get(attr):
                    chunks.append((str(child[attr]), False))
            in_code = prose and name not in CODE and "highlight" not in (child.get("class") or [])
            if name in BLOCK or not in_code:
                flush(prose)
                walk(child, in_code)
                flush(in_code)
            else:
                walk(child, prose)

    walk(soup, True)
    flush(True)
    return chunks


def chinese_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "zh-hant" in p.relative_to(site).parts
                  and "_static" not in p.parts and "_sources" not in p.parts)


def page_findings(page: Path) -> list[tuple[str, str]]:
    out = []
    for text, prose in page_chunks(page.read_text(encoding="utf-8")):
        out += check(text, prose)
    return out


# -- the site, rendered once ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def zh_site(tmp_path_factory) -> Path:
    """The whole site rendered once (execution off); ESGBOOK_TEST_BUILD, when set, is shared with the
    browser tests (rendering again there changes nothing)."""
    keep = os.environ.get("ESGBOOK_TEST_BUILD")
    build = Path(keep).resolve() if keep else tmp_path_factory.mktemp("zh-pages-build")
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "render"], cwd=REPO, capture_output=True,
                         text=True, env={**os.environ, "ESGBOOK_BUILD": str(build)})
    assert out.returncode == 0, out.stdout[-5000:] + out.stderr[-5000:]
    return Path(out.stdout.strip().splitlines()[-1]).parent


def test_every_edition_has_chinese_pages(zh_site):
    pages = chinese_pages(zh_site)
    years = {part for p in pages for part in p.relative_to(zh_site).parts if part.isdigit() and len(part) == 4}
    assert pages and len(years) >= 2, f"Chinese pages of fewer than two editions: {sorted(years)}"


@pytest.mark.parametrize("kind", ["simplified", "glossary", "repeated gloss", "english", "half-width punctuation",
                                  "space between Han", "space after punctuation", "measure word"])
def test_chinese_pages_read_as_hong_kong_chinese(zh_site, kind):
    problems = []
    for page in chinese_pages(zh_site):
        rel = page.relative_to(zh_site)
        problems += [f"{rel}: {excerpt}" for k, excerpt in page_findings(page) if k == kind]
    assert not problems, f"{len(problems)} x {kind}:\n" + "\n".join(sorted(set(problems))[:60])


# -- the checks themselves ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "2023年用電總量為1,276.2兆瓦時（MWh），按HKEX指引A1.2及FN-CF-230a.1披露。",
    "數據見 data/environment.csv 及 https://www.hkex.com.hk/esg 。",
    "範圍2排放（tCO2e）：1,383.61",
    "公司共有9名董事，整個公司的僱員為3,121名。",
    "Argus風控引擎、IPCC及MEE的排放因子",
])
def test_legitimate_text_passes(text):
    assert [k for k, _ in check(text) if k != "space after punctuation"] == []


@pytest.mark.parametrize("text, kind", [
    ("这是報告", "simplified"),
    ("保障用戶隱私", "glossary"),
    ("鄉村筆記（鄉村筆記）", "repeated gloss"),
    ("所有數字 All figures", "english"),
    ("分開列示.", "half-width punctuation"),
    ("溫室氣體排放總量 (範圍1 & 範圍2)", "half-width punctuation"),
    ("範圍 排放", "space between Han"),
    ("完成。 其後", "space after punctuation"),
    ("共3個供應商", "measure word"),
    ("141.00個", "measure word"),
])
def test_each_check_finds_its_kind(text, kind):
    assert kind in {k for k, _ in check(text)}


def _main(paths: list[str]) -> int:
    """Check text files (scripts/preview.py output): code spans, fences and glue roles left out."""
    total = 0
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        text = re.sub(r"```\{(?:glue:)?figure\}[^\n]*\n(?::[^\n]*\n)*(.*?)```", r"\n\n\1\n\n", text, flags=re.S)  # captions
        text = re.sub(r"```.*?```", "\n\n", text, flags=re.S)
        text = re.sub(r"\{[a-z:]+\}`[^`]*`", "表1", text)  # a cross-reference reads 表1 / 圖1
        text = re.sub(r"`[^`]*`", "\n\n", text)
        text = re.sub(r"^:::\{table\} ", "", text, flags=re.M)  # a table's caption is read
        text = re.sub(r"^(?:---|:::|%|jupytext|kernelspec|  |:[a-z-]+:|\(.*\)=).*$", " ", text, flags=re.M)
        text = re.sub(r"<[^>]+>", "\n", text)
        runs = []
        for para in re.split(r"\n\s*\n", text):  # a paragraph's lines are one run (a line break shows as a space)
            lines = para.strip().splitlines()
            runs += [ln for ln in lines if ln.lstrip().startswith("|")]
            prose = "\n".join(ln.strip() for ln in lines if not ln.lstrip().startswith("|"))
            for item in re.split(r"\n(?=[-*+] |\d+\. )", prose):  # each list item is a run of its own
                runs.append(item.replace("\n", " "))
        for line in runs:
            for cell in line.strip().strip("|").split("|"):
                cell = re.sub(r"^[#>\s]+|\*+", "", cell).strip()
                for kind, excerpt in check(cell):
                    total += 1
                    print(f"{Path(path).name}\t{kind}\t{excerpt}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
