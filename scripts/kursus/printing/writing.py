"""Worksheets on paper: room to write by hand, and sort cards to cut out.

A table with empty body cells is a table to write in. Its answer columns are those with more empty
cells than filled ones (a session plan with one empty cell in its break row is not a form); on paper
each must hold a handwritten sentence (``ANSWER_MM`` wide), and a row with an empty cell is at least
12 mm high (print.css). When the answer columns can't all get that width on an A4 page, the table is
printed as stacked fields instead: one box per row, its prompts first, then each answer column's
heading with a space to write under it.

A sort-card block (``<div class="kk-kartu-sortir" markdown>`` around a numbered list) prints as a sheet
of cards with dashed cut lines, one list item per card, the card's number in a corner. The sheet holds
nothing else: the sorting key that follows the block on the page lands on the next sheet.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree

TEXT_WIDTH_MM = 178.0  # A4 (210 mm) less the left and right margins of pdf.MARGIN (16 mm each)
ANSWER_MM = 60.0  # a handwritten sentence of about ten words
PROMPT_MM = 35.0  # the narrowest a printed prompt column gets
SLACK_MM = 2.0  # so that three answer columns alone still share the page (59.3 mm each)
SORT_CLASS = "kk-kartu-sortir"


def _classes(el: etree.Element) -> list[str]:
    return el.get("class", "").split()


def _add_class(el: etree.Element, name: str) -> None:
    el.set("class", " ".join([*_classes(el), name]))


def _empty(cell: etree.Element) -> bool:
    return len(cell) == 0 and not (cell.text or "").strip()


def _rows(section: etree.Element | None) -> list[etree.Element]:
    return [] if section is None else section.findall("tr")


def column_widths(prompts: int, answers: int) -> tuple[float, float] | None:
    """(width of each prompt column, width of each answer column) in mm, or None when the answer
    columns can't all be ``ANSWER_MM`` wide next to prompt columns ``PROMPT_MM`` wide."""
    if answers == 0 or answers * ANSWER_MM + prompts * PROMPT_MM > TEXT_WIDTH_MM + SLACK_MM:
        return None
    if prompts == 0:
        return 0.0, TEXT_WIDTH_MM / answers
    prompt = min(TEXT_WIDTH_MM / (prompts + answers), (TEXT_WIDTH_MM - answers * ANSWER_MM) / prompts)
    return prompt, (TEXT_WIDTH_MM - prompts * prompt) / answers


def writing_tables(root: etree.Element) -> None:
    """Every table to write in gets room to write by hand (see the module's docstring)."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for table in list(root.iter("table")):
        head = _rows(table.find("thead"))
        body = _rows(table.find("tbody"))
        if len(head) != 1 or not body:
            continue
        headings = head[0].findall("th")
        width = len(headings)
        if any(len(row.findall("td")) != width for row in body):
            continue
        answer = [2 * sum(_empty(row.findall("td")[i]) for row in body) > len(body) for i in range(width)]
        if not any(answer):
            continue
        widths = column_widths(answer.count(False), answer.count(True))
        if widths is None:
            _stack(table, parents[table], headings, body, answer)
        else:
            _widen(table, body, answer, widths)


def _widen(table: etree.Element, body: list[etree.Element], answer: list[bool], widths: tuple[float, float]) -> None:
    _add_class(table, "pp-writing")
    colgroup = etree.Element("colgroup")
    for is_answer in answer:
        mm = widths[1] if is_answer else widths[0]
        etree.SubElement(colgroup, "col", {"style": f"width: {100 * mm / TEXT_WIDTH_MM:.2f}%"})
    table.insert(0, colgroup)
    for row in body:
        for cell in row.findall("td"):
            if _empty(cell):
                _add_class(cell, "pp-write")


def _copy_content(source: etree.Element, target: etree.Element) -> None:
    target.text = source.text
    for child in source:
        target.append(copy.deepcopy(child))


def _stack(
    table: etree.Element,
    parent: etree.Element,
    headings: list[etree.Element],
    body: list[etree.Element],
    answer: list[bool],
) -> None:
    records = etree.Element("div", {"class": "pp-records"})
    for row in body:
        record = etree.SubElement(records, "div", {"class": "pp-record"})
        for heading, cell, is_answer in zip(headings, row.findall("td"), answer, strict=True):
            if not is_answer and not _empty(cell):
                line = etree.SubElement(record, "p", {"class": "pp-record__prompt"})
                label = etree.SubElement(line, "span", {"class": "pp-record__label"})
                _copy_content(heading, label)
                label.tail = " "
                rest = etree.SubElement(line, "span")
                _copy_content(cell, rest)
                continue
            field = etree.SubElement(record, "div", {"class": "pp-record__field"})
            label = etree.SubElement(field, "p", {"class": "pp-record__label"})
            _copy_content(heading, label)
            area = etree.SubElement(field, "div", {"class": "pp-record__write"})
            if not _empty(cell):
                _copy_content(cell, area)
                area.set("class", "pp-record__given")
    index = list(parent).index(table)
    records.tail = table.tail
    parent.remove(table)
    parent.insert(index, records)


def sort_cards(root: etree.Element) -> None:
    """Each sort-card block becomes a sheet of numbered cards to cut out."""
    for block in [el for el in root.iter("div") if SORT_CLASS in _classes(el)]:
        items = [li for lst in block if lst.tag in ("ol", "ul") for li in lst.findall("li")]
        if not items:
            continue
        grid = etree.Element("div", {"class": "pp-sort__grid"})
        for number, item in enumerate(items, start=1):
            card = etree.SubElement(grid, "div", {"class": "pp-sort-card"})
            etree.SubElement(card, "span", {"class": "pp-sort-card__number"}).text = str(number)
            text = etree.SubElement(card, "div", {"class": "pp-sort-card__text"})
            _copy_content(item, text)
        lists = [el for el in block if el.tag in ("ol", "ul")]
        index = list(block).index(lists[0])
        for lst in lists:
            block.remove(lst)
        block.insert(index, grid)
        _add_class(block, "pp-sort")
