#!/usr/bin/python3
# Remakes the roadmap documents the tests read (tests/fixtures/roadmap/docs
# and bad/, and the fuzzer's seeds): the two real roadmaps of
# tests/fixtures/roadmap/*.csv typed again as their districts would have
# typed them in Word and in LibreOffice, small documents of single shapes,
# and broken or hostile ones. Only needed to remake them; `make check`
# reads the committed files. Debian: apt-get install python3-docx python3-odf
# and run with the system python:  /usr/bin/python3 tests/make-roadmap-docs.py
import csv
import os
import re
import shutil
import struct
import zipfile

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from odf.opendocument import OpenDocumentText
from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import LineBreak, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P, SoftPageBreak, Span

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_DIR = os.path.join(HERE, "fixtures", "roadmap")
DOCS = os.path.join(CSV_DIR, "docs")
BAD = os.path.join(CSV_DIR, "bad")
FUZZ = os.path.join(HERE, "fuzz", "corpus", "doctable")


def rows_of(name, encoding):
    with open(os.path.join(CSV_DIR, name), encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def lines(text):
    return [l for l in text.split("\n")]


# ---------------------------------------------------------------- Word

def w_para(cell_or_doc, text, style=None, first=False):
    """A paragraph (a cell's first one reused); '\n' inside it becomes a line break."""
    p = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph(style=style)
    if first and style:
        p.style = style
    parts = text.split("\n")
    run = p.add_run(parts[0])
    for part in parts[1:]:
        run.add_break(WD_BREAK.LINE)
        run = p.add_run(part)
    return p


def w_cell(cell, text, style=None):
    """Cell text: each line a paragraph of its own, as typed with Enter."""
    ls = lines(text) if text else [""]
    w_para(cell, ls[0], style, first=True)
    for l in ls[1:]:
        w_para(cell, l, style)


def w_header_row(row):
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    trPr.append(h)


def w_across(table, r, text):
    """Row r merged across the table, holding text."""
    cells = table.rows[r].cells
    merged = cells[0].merge(cells[-1])
    w_cell(merged, text)
    return merged


def word_doc():
    d = docx.Document()
    return d


def belomorsky_docx(path):
    rows = rows_of("belomorsky-2022.csv", "utf-8-sig")
    d = word_doc()
    for text in ["П Р И К А З", "от 01 февраля 2022 года", "№17",
                 "Об утверждении муниципального плана-графика (\"дорожная карта\") повышения качества образования "
                 "в школах с низкими образовательными результатами на 2022 год",
                 "В целях реализации муниципальной программы «Развитие образования на территории муниципального "
                 "образования «Беломорский муниципальный район» на 2022 – 2030 годы», организации работы по "
                 "повышению качества образования в школах с низкими образовательными результатами в 2022 году",
                 "Приказываю:",
                 "1. Утвердить прилагаемый муниципальный план-график (\"дорожная карта\") повышения качества "
                 "образования в школах с низкими образовательными результатами на 2022 год.",
                 "2. Руководителям общеобразовательных организаций предоставить отчёты по выполнению данного "
                 "плана-графика за I полугодие в срок до 20 июня 2022 года, за II полугодие в срок до 10 декабря "
                 "2022 года.",
                 "3. Контроль за исполнением приказа оставляю за собой.",
                 "Начальник отдела образования АМО «Беломорский муниципальный район»\tТ.А.Долинина",
                 "Приложение к приказу отдела образования АМО «Беломорский муниципальный район» №17 от «01» "
                 "февраля 2022 года"]:
        w_para(d, text)
    w_para(d, "Цель: повышение качества образования в школах с низкими образовательными результатами")
    w_para(d, "Задачи:")
    for t in ["организация работы со школами с низкими результатами обучения;",
              "совершенствование предметных компетенций педагогических работников;",
              "оказание методической помощи школам с низкими результатами обучения."]:
        w_para(d, t, style="List Bullet")
    # The plan: its title and «Меры. Мероприятия» merged across the table,
    # the header repeated on every page, the № column numbered by Word.
    plan = [r for r in rows[3:] if r[0] != "№ п/п"]
    t = d.add_table(rows=3, cols=5)
    t.style = "Table Grid"
    w_across(t, 0, rows[0][0])
    w_across(t, 1, rows[1][0])
    for c, text in enumerate(rows[2]):
        w_cell(t.rows[2].cells[c], text)
    w_header_row(t.rows[2])
    i = 0
    while i < len(plan):
        r = plan[i]
        if r[0] == "":
            i += 1
            continue
        cont = plan[i + 1] if i + 1 < len(plan) and plan[i + 1][0] == "" else None
        cells = t.add_row().cells
        if r[0] == "15":
            # Two activities side by side, as a district types a pair.
            nxt = plan[i + 1]
            for c in range(5):
                w_cell(cells[c], r[c] + "\n" + nxt[c], style="List Number" if c == 0 else None)
            for p in cells[0].paragraphs:
                p.runs[0].text = ""
            i += 2
            continue
        for c in range(5):
            text = r[c]
            if cont and cont[c]:
                text = text + " " + cont[c]  # the row the CSV had broken across a page, whole
            w_cell(cells[c], "" if c == 0 else text, style="List Number" if c == 0 else None)
        i += 2 if cont else 1
    w_para(d, "Начальник отдела образования\tТ.А.Долинина")
    d.save(path)


def vengerovo_docx(path):
    rows = rows_of("vengerovo-2020.csv", "cp1251")
    d = word_doc()
    for text in ["АДМИНИСТРАЦИЯ ВЕНГЕРОВСКОГО РАЙОНА\nНОВОСИБИРСКОЙ ОБЛАСТИ", "РАСПОРЯЖЕНИЕ",
                 "от 28.02.2020 № 49-ра",
                 "Об утверждении муниципального плана мероприятий («дорожной карты») по поддержке школ с низкими "
                 "результатами обучения",
                 "В целях повышения качества образования в школах с низкими результатами обучения:",
                 "1. Утвердить перечень школ с низкими результатами обучения (приложение № 1).",
                 "2. Утвердить план мероприятий («дорожную карту») по поддержке школ с низкими результатами "
                 "обучения (приложение № 2).",
                 "3. Контроль за исполнением распоряжения возложить на первого заместителя главы администрации "
                 "района Крепкую Т.С.",
                 "Глава Венгеровского района Новосибирской области\tС.Н.Черных",
                 "Приложение № 2\nк распоряжению администрации\nВенгеровского района\nНовосибирской области\n"
                 "от 28.02.2020 № 49-ра",
                 "План мероприятий («дорожная карта»)", "по поддержке школ с низкими результатами обучения"]:
        w_para(d, text)
    # The programme's passport: a two-column table before the plan.
    passport = [
        ("Актуальность", "В группу общеобразовательных учреждений, демонстрирующих устойчиво низкие учебные "
                         "результаты за последние три года, вошли две школы Венгеровского района"),
        ("Цель", "повышение качества образования в школах с низкими результатами обучения"),
        ("Задачи", "- улучшить материальную базу общеобразовательных учреждений;\n- повысить уровень квалификации "
                   "кадрового состава;\n- развить социальное партнерство и взаимодействия с сообществом;\n"
                   "- достичь положительную динамику результатов учебной деятельности"),
        ("Этапы реализации", "1 подготовительный этап (февраль 2020 года)\n2 основной этап (март 2020 – ноябрь "
                             "2022 гг.)\n3 завершающий этап (ноябрь-декабрь 2022 год)"),
        ("Источники финансирования", "Областные субвенции, муниципальный бюджет, внебюджетные средства"),
    ]
    p = d.add_table(rows=0, cols=2)
    p.style = "Table Grid"
    for k, v in passport:
        cells = p.add_row().cells
        w_cell(cells[0], k)
        w_cell(cells[1], v)
    w_para(d, rows[1][0])
    # The plan in two tables: sections 1–4 under the header; then section
    # 5's heading, the header again (its last column named as the seed
    # names it there) and section 5.
    header, body = rows[2], [r for r in rows[3:] if r[0] != "№"]
    split = next(i for i, r in enumerate(body) if r[0].startswith("5."))
    for n, (part, hdr) in enumerate(((body[:split], header),
                                     (body[split:], header[:4] + ["Форма предоставления результата"]))):
        t = d.add_table(rows=0, cols=5)
        t.style = "Table Grid"
        for r in part:
            if r[1] == "" and r[2] == "":
                t.add_row()
                w_across(t, len(t.rows) - 1, r[0])
            else:
                cells = t.add_row().cells
                for c in range(5):
                    w_cell(cells[c], r[c])
        # the header: first in the first table, after section 5's heading
        # in the second
        hr = t.add_row()
        for c, text in enumerate(hdr):
            w_cell(hr.cells[c], text)
        w_header_row(hr)
        t.rows[n]._tr.addprevious(hr._tr)
        if n == 0:
            w_para(d, "")
    w_para(d, "Начальник управления образования")
    d.save(path)


# ----------------------------------------------------------- LibreOffice

def o_cell(text, **kw):
    c = TableCell(valuetype="string", **kw)
    for l in lines(text) if text else [""]:
        c.addElement(P(text=l))
    return c


def o_row(cells):
    r = TableRow()
    for c in cells:
        r.addElement(c)
    return r


def o_across(text, cols):
    r = TableRow()
    r.addElement(o_cell(text, numbercolumnsspanned=cols))
    r.addElement(CoveredTableCell(numbercolumnsrepeated=cols - 1))
    return r


def o_table(name, cols):
    t = Table(name=name)
    t.addElement(TableColumn(numbercolumnsrepeated=cols))
    return t


def bullets(doc, name):
    ls = ListStyle(name=name)
    ls.addElement(ListLevelStyleBullet(level=1, bulletchar="–"))
    doc.automaticstyles.addElement(ls)


def belomorsky_odt(path):
    rows = rows_of("belomorsky-2022.csv", "utf-8-sig")
    doc = OpenDocumentText()
    bullets(doc, "LB")
    for text in ["П Р И К А З", "от 01 февраля 2022 года", "№17",
                 "Об утверждении муниципального плана-графика (\"дорожная карта\") повышения качества образования "
                 "в школах с низкими образовательными результатами на 2022 год",
                 "Приказываю:",
                 "1. Утвердить прилагаемый муниципальный план-график (\"дорожная карта\") на 2022 год.",
                 "2. Контроль за исполнением приказа оставляю за собой."]:
        doc.text.addElement(P(text=text))
    doc.text.addElement(P(text="Задачи:"))
    lst = List(stylename="LB")
    for t in ["организация работы со школами с низкими результатами обучения;",
              "оказание методической помощи школам с низкими результатами обучения."]:
        item = ListItem()
        item.addElement(P(text=t))
        lst.addElement(item)
    doc.text.addElement(lst)
    t = o_table("План", 5)
    title = P()
    parts = lines(rows[0][0])
    title.addText(parts[0])
    for part in parts[1:]:
        title.addElement(LineBreak())
        title.addText(part)
    r = TableRow()
    c = TableCell(numbercolumnsspanned=5)
    c.addElement(title)
    r.addElement(c)
    r.addElement(CoveredTableCell(numbercolumnsrepeated=4))
    t.addElement(r)
    t.addElement(o_across(rows[1][0], 5))
    hr = TableHeaderRows()
    hr.addElement(o_row([o_cell(x) for x in rows[2]]))
    t.addElement(hr)
    plan = [r for r in rows[3:] if r[0] != "№ п/п"]
    i = 0
    while i < len(plan):
        r = plan[i]
        cont = plan[i + 1] if i + 1 < len(plan) and plan[i + 1][0] == "" else None
        if r[0] == "15":
            nxt = plan[i + 1]
            t.addElement(o_row([o_cell(r[c] + "\n" + nxt[c]) for c in range(5)]))
            i += 2
            continue
        cells = []
        for c in range(5):
            text = r[c] + (" " + cont[c] if cont and cont[c] else "")
            cells.append(o_cell(text))
        t.addElement(o_row(cells))
        if r[0] == "10":
            t.addElement(SoftPageBreak())
        i += 2 if cont else 1
    doc.text.addElement(t)
    doc.text.addElement(P(text="Начальник отдела образования Т.А.Долинина"))
    doc.save(path)


def vengerovo_odt(path):
    rows = rows_of("vengerovo-2020.csv", "cp1251")
    doc = OpenDocumentText()
    for text in ["АДМИНИСТРАЦИЯ ВЕНГЕРОВСКОГО РАЙОНА НОВОСИБИРСКОЙ ОБЛАСТИ", "РАСПОРЯЖЕНИЕ",
                 "от 28.02.2020 № 49-ра",
                 "Об утверждении муниципального плана мероприятий («дорожной карты») по поддержке школ с низкими "
                 "результатами обучения",
                 "План мероприятий («дорожная карта»)", "по поддержке школ с низкими результатами обучения"]:
        doc.text.addElement(P(text=text))
    p = o_table("Паспорт", 2)
    p.addElement(o_row([o_cell("Цель"), o_cell("повышение качества образования в школах с низкими результатами обучения")]))
    p.addElement(o_row([o_cell("Задачи"), o_cell("- улучшить материальную базу;\n- повысить уровень квалификации кадрового состава")]))
    doc.text.addElement(p)
    doc.text.addElement(P(text=rows[1][0]))
    # The direction of each section in a column of its own, merged down
    # over its activities.
    header = ["№", "Направление"] + rows[2][1:]
    body = rows[3:]
    sections = []
    for r in body:
        if r[0] == "№":
            continue
        if r[1] == "" and r[2] == "":
            sections.append((r[0], []))
        else:
            sections[-1][1].append(r)
    for part, secs in (("План", sections[:4]), ("План (окончание)", sections[4:])):
        t = o_table(part, 6)
        hr = TableHeaderRows()
        hdr = header if part == "План" else header[:5] + ["Форма предоставления результата"]
        hr.addElement(o_row([o_cell(x) for x in hdr]))
        t.addElement(hr)
        for heading, acts in secs:
            for k, r in enumerate(acts):
                row = TableRow()
                row.addElement(o_cell(r[0]))
                if k == 0:
                    row.addElement(o_cell(heading, numberrowsspanned=len(acts)))
                else:
                    row.addElement(CoveredTableCell())
                for c in range(1, 5):
                    row.addElement(o_cell(r[c]))
                t.addElement(row)
        doc.text.addElement(t)
        if part == "План":
            doc.text.addElement(P(text=""))
    doc.save(path)


# ------------------------------------------------------- single shapes

def shapes_docx(path):
    """Merged number and direction cells, activities side by side, a
    «Задачи:» block, a column-number row and a partly repeated header."""
    d = word_doc()
    w_para(d, "Приказ № 274/1 от 10 августа 2021 г.")
    w_para(d, "План мероприятий («дорожная карта») на 2023/2024 учебный год")
    head = ["№ п/п", "Наименование направления", "Содержание мероприятия", "Срок проведения", "Исполнители",
            "Показатели", "Примечание"]
    t = d.add_table(rows=2, cols=7)
    t.style = "Table Grid"
    for c, text in enumerate(head):
        w_cell(t.rows[0].cells[c], text)
    for c in range(7):
        w_cell(t.rows[1].cells[c], str(c + 1))

    def row(cells):
        r = t.add_row()
        for c, text in enumerate(cells):
            w_cell(r.cells[c], text)
        return len(t.rows) - 1

    a = row(["1", "Работа с педагогами", "Семинар по критериям ВПР", "октябрь", "ИМЦ", "Протокол", ""])
    row(["", "", "Диагностика компетенций учителей", "ноябрь", "ИМЦ", "Доля прошедших", ""])
    b = row(["", "", "Курсы повышения квалификации", "в течение года", "ИМЦ", "Удостоверения", ""])
    t.cell(a, 0).merge(t.cell(b, 0))
    t.cell(a, 1).merge(t.cell(b, 1))
    # a page's header again, the note column left out of it
    row(["№ п/п", "Наименование направления", "Содержание мероприятия", "Срок проведения", "Исполнители",
         "Показатели", ""])
    c1 = row(["2", "Работа с обучающимися", "Пробный ОГЭ по математике\nПробный ОГЭ по русскому языку\n"
              "Родительское собрание", "февраль\nмарт\nапрель", "Заместитель директора\nЗаместитель директора\n"
              "Классный руководитель", "Протоколы", ""])
    c2 = row(["", "", "Консультации по русскому языку\nпо средам", "в течение года", "Учитель русского языка\n"
              "Учитель литературы\nЗаместитель директора", "Журнал", "ежеквартально отчёт"])
    t.cell(c1, 0).merge(t.cell(c2, 0))
    t.cell(c1, 1).merge(t.cell(c2, 1))
    d.save(path)


def tasks_odt(path):
    """Headings with «Задачи:» and the numbered tasks under them; a section
    numbered N with activities N.M."""
    doc = OpenDocumentText()
    doc.text.addElement(P(text="от 24.05.2023 № 177"))
    t = o_table("План", 5)
    t.addElement(o_row([o_cell(x) for x in ["№", "Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат"]]))
    t.addElement(o_across("Раздел I. Работа с обучающимися", 5))
    t.addElement(o_across("Задачи:", 5))
    t.addElement(o_across("1. Выявить обучающихся группы риска.", 5))
    t.addElement(o_across("2. Организовать их сопровождение.", 5))
    t.addElement(o_row([o_cell(x) for x in ["1.", "Входная диагностика", "сентябрь 2023", "Завуч", "Список"]]))
    t.addElement(o_row([o_cell(x) for x in ["2.", "Индивидуальные маршруты", "до 01.10.2023", "Учителя", "Маршруты"]]))
    t.addElement(o_across("2. Работа с педагогами", 5))
    t.addElement(o_row([o_cell(x) for x in ["2.1", "Диагностика компетенций", "март 2024", "ШМО", "Доля"]]))
    t.addElement(o_row([o_cell(x) for x in ["2.2", "Взаимопосещение уроков", "ежеквартально", "ШМО", "Листы"]]))
    doc.text.addElement(t)
    doc.save(path)


def no_deadline_docx(path):
    d = word_doc()
    w_para(d, "План работы со школами с низкими результатами на 2025 год")
    t = d.add_table(rows=1, cols=3)
    for c, text in enumerate(["№", "Мероприятие", "Ответственный"]):
        w_cell(t.rows[0].cells[c], text)
    for r in [["1", "Семинар для завучей", "ИМЦ"], ["2", "Пробный ОГЭ", "Школы"]]:
        cells = t.add_row().cells
        for c, text in enumerate(r):
            w_cell(cells[c], text)
    d.save(path)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def raw_docx(path, body, numbering=None, document=None):
    """A .docx written part by part, for what python-docx cannot make."""
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
          '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
          'document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships">' +
             ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships/numbering" Target="numbering.xml"/>' if numbering else '') + '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/_rels/document.xml.rels", drels)
        z.writestr("word/document.xml", document or '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<w:document %s xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                   '<w:body>%s</w:body></w:document>' % (W, body))
        if numbering:
            z.writestr("word/numbering.xml", '<?xml version="1.0" encoding="UTF-8"?><w:numbering %s>%s'
                       '</w:numbering>' % (W, numbering))


def p(text, extra=""):
    return "<w:p>%s<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % (extra, text)


def tc(inner, props=""):
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (props, inner)


def word_features_docx(path):
    """What Word writes that python-docx cannot: tracked changes, content
    controls, smart tags, hyperlinks, fields, a nested table, tabs and
    breaks, a drawing's fallback copy, Roman list numbers."""
    numbering = ('<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt '
                 'w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>')
    num = lambda lvl: '<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="3"/></w:numPr></w:pPr>' % lvl
    head = "<w:tr><w:trPr><w:tblHeader/></w:trPr>%s</w:tr>" % "".join(
        tc(p(x)) for x in ["№", "Мероприятие", "Срок", "Ответственный"])
    rows = [
        "<w:tr>%s</w:tr>" % (tc('<w:p>%s<w:r><w:t>Организационная работа</w:t></w:r></w:p>' % num(0),
                                '<w:gridSpan w:val="4"/>')),
        "<w:tr>%s%s%s%s</w:tr>" % (
            tc("<w:p>%s</w:p>" % num(1)),
            tc('<w:p><w:moveFrom w:id="5" w:author="А"><w:r><w:t>Срочное </w:t></w:r></w:moveFrom>'
               '<w:r><w:t>Совещание </w:t></w:r><w:del w:id="1" w:author="А"><w:r><w:delText>по итогам'
               '</w:delText></w:r></w:del><w:ins w:id="2" w:author="А"><w:r><w:t>о результатах</w:t></w:r>'
               '</w:ins><w:r><w:t xml:space="preserve"> ВПР</w:t></w:r><w:moveTo w:id="6" w:author="А">'
               '<w:r><w:t xml:space="preserve"> (срочное)</w:t></w:r></w:moveTo></w:p>'),
            tc('<w:sdt><w:sdtPr><w:alias w:val="Срок"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>до 15.11.2025'
               '</w:t></w:r></w:p></w:sdtContent></w:sdt>'),
            tc('<w:p><w:smartTag w:uri="urn:x" w:element="PersonName"><w:r><w:t>Иванова</w:t></w:r></w:smartTag>'
               '<w:r><w:tab/><w:t>И.И.</w:t></w:r></w:p>')),
        "<w:tr>%s%s%s%s</w:tr>" % (
            tc("<w:p>%s</w:p>" % num(1)),
            tc('<w:p><w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships"><w:r><w:t>Вебинар ФИПИ</w:t></w:r></w:hyperlink><w:r><w:br/><w:t>(запись)</w:t>'
               '</w:r></w:p>'),
            tc('<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>март</w:t></w:r></w:fldSimple></w:p>'),
            tc('<w:tbl><w:tr>%s%s</w:tr></w:tbl><w:p/>' % (tc(p("ИМЦ")), tc(p("школы"))))),
        "<w:tr>%s%s%s%s</w:tr>" % (
            tc("<w:p>%s</w:p>" % num(1)),
            tc('<w:p><w:r><w:t>Пробный ОГЭ</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
               '<w:t xml:space="preserve"> по математике</w:t></mc:Choice><mc:Fallback><w:t>ДУБЛЬ</w:t>'
               '</mc:Fallback></mc:AlternateContent></w:r></w:p>'),
            tc(p("февраль")), tc(p("Завуч"))),
        '<w:tr><w:trPr><w:del w:id="3" w:author="А"/></w:trPr>%s%s%s%s</w:tr>' % (
            tc("<w:p/>"), tc('<w:p><w:del w:id="4" w:author="А"><w:r><w:delText>Отменённое</w:delText></w:r>'
                             '</w:del></w:p>'), tc("<w:p/>"), tc("<w:p/>")),
    ]
    body = (p("Приказ № 5 от 01.09.2025") + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/>"
            "</w:tblGrid>" + head + "".join(rows) + "</w:tbl>")
    raw_docx(path, body, numbering)


# ------------------------------------------------------ bad documents

def bad_documents():
    os.makedirs(BAD, exist_ok=True)
    # a zip that is no document
    with zipfile.ZipFile(os.path.join(BAD, "archive.docx"), "w") as z:
        z.writestr("readme.txt", "Дорожная карта в архиве")
    # a document without a table
    d = word_doc()
    w_para(d, "Дорожная карта будет утверждена позже.")
    d.save(os.path.join(BAD, "no-table.docx"))
    # a zip bomb: a document.xml unpacking to 80 MB
    body = "<w:p><w:r><w:t>" + " " * (80 * 1024 * 1024) + "</w:t></w:r></w:p>"
    raw_docx(os.path.join(BAD, "bomb.docx"), body)
    # a bomb with its sizes in the zip's headers forged small (1000 bytes),
    # 80 MB of empty comments, which are neither text nor elements: only
    # counting the bytes as they come catches it
    liar = os.path.join(BAD, "liar.docx")
    raw_docx(liar, "<!---->" * (12 * 1024 * 1024))
    with zipfile.ZipFile(liar) as z:
        real = z.getinfo("word/document.xml").file_size
    data = bytearray(open(liar, "rb").read())
    mark = struct.pack("<I", real)
    assert data.count(mark) == 2, "the size is in the local header and the central directory"
    open(liar, "wb").write(data.replace(mark, struct.pack("<I", 1000)))
    # one comment of 20 MB (a part within the bound): expat would read it
    # again from its start with every buffer
    raw_docx(os.path.join(BAD, "token.docx"), "<!--" + " " * (20 * 1024 * 1024) + "-->")
    # nested 100 000 deep
    raw_docx(os.path.join(BAD, "deep.docx"), "<w:sdt>" * 100000 + "</w:sdt>" * 100000)
    # a billion laughs
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ха-ха-ха-ха-ха-ха-ха-ха-ха-ха">' +
              "".join('<!ENTITY %s "%s">' % (chr(ord("b") + i), ("&%s;" % chr(ord("a") + i)) * 10)
                      for i in range(9)) +
              ']><w:document %s><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>' % W)
    raw_docx(os.path.join(BAD, "laughs.docx"), "", document=laughs)
    # a workbook where a document was expected
    with zipfile.ZipFile(os.path.join(BAD, "workbook.docx"), "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", "<workbook/>")


def steady(path):
    """path again with the day it was made left out (zip times, the dates
    in its properties), so that making the files again changes no byte."""
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in parts:
            if info.filename in ("docProps/core.xml", "meta.xml"):
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", b"2026-12-02T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 2, 0, 0, 0))
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            z.writestr(fixed, data)


def main():
    os.makedirs(DOCS, exist_ok=True)
    belomorsky_docx(os.path.join(DOCS, "belomorsky-2022.docx"))
    belomorsky_odt(os.path.join(DOCS, "belomorsky-2022.odt"))
    vengerovo_docx(os.path.join(DOCS, "vengerovo-2020.docx"))
    vengerovo_odt(os.path.join(DOCS, "vengerovo-2020.odt"))
    shapes_docx(os.path.join(DOCS, "shapes.docx"))
    tasks_odt(os.path.join(DOCS, "tasks.odt"))
    no_deadline_docx(os.path.join(DOCS, "no-deadline.docx"))
    word_features_docx(os.path.join(DOCS, "word-features.docx"))
    bad_documents()
    for folder in (DOCS, BAD):
        for name in sorted(os.listdir(folder)):
            if name not in ("damaged.docx", "liar.docx"):
                steady(os.path.join(folder, name))
    # a .docx cut short, as a stick pulled out too early leaves it
    with open(os.path.join(DOCS, "belomorsky-2022.docx"), "rb") as f:
        data = f.read()
    with open(os.path.join(BAD, "damaged.docx"), "wb") as f:
        f.write(data[: len(data) // 2])
    os.makedirs(FUZZ, exist_ok=True)
    for name in ["shapes.docx", "tasks.odt", "no-deadline.docx", "word-features.docx"]:
        shutil.copy(os.path.join(DOCS, name), os.path.join(FUZZ, name))
    # The document's text alone: the fuzzer wraps it in a zip itself, Word's
    # when the first byte is even, LibreOffice's when it is odd.
    for name, member, first, seed in [("word-features.docx", "word/document.xml", b"\x00", "word-features.xml"),
                                      ("tasks.odt", "content.xml", b"\x01", "tasks-content.xml")]:
        with zipfile.ZipFile(os.path.join(DOCS, name)) as z:
            with open(os.path.join(FUZZ, seed), "wb") as f:
                f.write(first + z.read(member))


if __name__ == "__main__":
    main()
