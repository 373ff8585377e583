#!/usr/bin/python3
# Remakes the ВПР forms the tests read (tests/fixtures/tasks/ and its bad/):
# the ФИС ОКО results collection form («форма сбора результатов») in the
# shapes schools fill it — a sheet per class with a title block above the
# header, maxima in the header or in a row «Максимальный балл» under a
# header of two rows, х for a task not attempted, absent pupils, a journal
# mark column, a CSV saved from Excel in Windows-1251 — and broken ones: a
# formula or a date where a score should be, a cut-short workbook, a sheet
# of 1 048 576 rows. Only needed to remake them; `make check` reads the
# committed files, and the numbers the tests check are worked by hand from
# the pupils below. Debian: apt-get install python3-openpyxl, then
#   /usr/bin/python3 tests/make-task-forms.py
import datetime
import os
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "tasks")
BAD = os.path.join(OUT, "bad")

# ВПР, Математика, 5 класс, 2025: five tasks, maxima 1, 2, 2, 2, 3 (10 in all).
TASKS = ["1", "2", "3", "4", "5"]
MAXIMA = [1, 2, 2, 2, 3]
# code, variant, scores (None: empty, "х": not attempted), journal mark, sex
PUPILS = {
    "5А": [
        ("А01", 1, [1, 2, 2, 1, 3], 5, "м"),
        ("А02", 2, [1, 1, 0, 1, 2], 4, "ж"),
        ("А03", 1, [0, "х", 1, 0, 1], 3, "м"),
        ("А04", "отсутствовал", [None] * 5, 4, "ж"),
        ("А05", 2, [1, 2, 2, 2, 3], 5, "ж"),
        ("А06", 1, [1, 0, 1, 0, 0], 3, "м"),
    ],
    "5Б": [
        ("Б01", 1, [1, 2, 1, 1, 2], 4, "ж"),
        ("Б02", 2, [0, 1, 0, 0, "х"], 3, "м"),
        ("Б03", 1, [1, 2, 2, 1, 1], 5, "ж"),
        ("Б04", None, [None] * 5, 4, "м"),
        ("Б05", 2, [1, 1, 1, 2, 0], 4, "ж"),
    ],
}
JOURNAL = "Отметка за предыдущую четверть"


def write_text(name, text, encoding="utf-8"):
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        f.write(text)


def fixed_times(path):
    """The same bytes every time: every member dated alike."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            # openpyxl dates the workbook's properties: the date is fixed too
            if info.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2025-04-20T10:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, (2025, 4, 20, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    os.replace(tmp, path)


def save(wb, path):
    wb.save(path)
    fixed_times(path)


# ------------------------------------------------------------ the school

def school_files():
    rows = ["class,student_code,full_name"]
    names = iter(["Алексеев Артём", "Белова Вера", "Волков Глеб", "Гусева Дарья", "Демидова Ева", "Егоров Жора",
                  "Жукова Зоя", "Зайцев Иван", "Ильина Катя", "Котов Лев", "Лосева Мила"])
    for cls, pupils in PUPILS.items():
        for p in pupils:
            rows.append(f"{cls},{p[0]},{next(names)}")
    rows += ["6А,В01,Морозов Олег", "6А,В02,Носова Поля"]
    write_text("roster.csv", "\n".join(rows) + "\n")
    write_text("scales.csv", "procedure,subject,grade,year,max_score,min_score,score4,score5\n"
               "ВПР,Математика,5,2025,10,3,6,8\n"
               "ВПР,Русский язык,5,2025,12,4,7,10\n"
               "ВПР,Математика,6,2025,10,3,6,8\n")
    # What each task checks, and the region's and the district's shares.
    skills = ["Развитие представлений о числе и числовых системах от натуральных до действительных чисел",
              "Умение выполнять арифметические действия с обыкновенными дробями",
              "Умение решать текстовые задачи на движение и работу",
              "Овладение геометрическим языком, развитие навыков измерений и построений",
              "Умение проводить логические обоснования и решать задачи повышенной трудности"]
    blocks = ["Числа и вычисления", "Числа и вычисления", "Текстовые задачи", "Геометрия", "Логика"]
    levels = ["Б", "Б", "Б", "П", "В"]
    region = ["85", "62", "71", "48", "52"]
    district = ["80", "60", "65", "45", "50"]
    rows = ["Процедура;Предмет;Параллель;Год;№ задания;Макс. балл;Проверяемые требования (умения);Блок;Уровень;"
            "% выполнения по региону;Район"]
    for i, t in enumerate(TASKS):
        rows.append(f"ВПР;Математика;5;2025;{t};{MAXIMA[i]};\"{skills[i]}\";{blocks[i]};{levels[i]};{region[i]};"
                    f"{district[i]}")
    write_text("taskmap.csv", "\r\n".join(rows) + "\r\n")


def cell_value(v):
    return "" if v is None else v


# ------------------------------------------------------------ the forms

def form_sheets():
    """ФИС ОКО's own shape: a sheet per class, a merged title block, the
    maxima in the header, a variant, sex and journal mark column."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for cls, pupils in PUPILS.items():
        ws = wb.create_sheet(cls)
        ws["A1"] = "Всероссийские проверочные работы 2025"
        ws.merge_cells("A1:J1")
        ws["A1"].font = Font(bold=True)
        ws["A2"] = "Предмет:"
        ws["B2"] = "Математика"
        ws["A3"] = "Класс:"
        ws["B3"] = cls
        ws["D3"] = "Дата проведения:"
        ws["F3"] = datetime.date(2025, 4, 15)
        ws["F3"].number_format = "DD.MM.YYYY"
        head = ["Код участника", "Вариант", "Пол"] + [f"{t} ({m} б.)" for t, m in zip(TASKS, MAXIMA)] + [JOURNAL]
        ws.append([])
        ws.append(head)
        for code, variant, scores, journal, sex in pupils:
            ws.append([code, cell_value(variant), sex] + [cell_value(s) for s in scores] + [journal])
        ws.column_dimensions["A"].width = 16
    save(wb, os.path.join(OUT, "form-sheets.xlsx"))


def form_maxrow():
    """A school's own table: the header in two rows (Код merged down,
    «Номера заданий» across), the maxima in a row under it, a class column,
    a total written as a formula, and a summary row at the bottom."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws["A1"] = "ВПР. Математика. 5 класс. 2025 г."
    ws.merge_cells("A1:I1")
    ws["A3"] = "Код"
    ws.merge_cells("A3:A4")
    ws["B3"] = "Класс"
    ws.merge_cells("B3:B4")
    ws["C3"] = "Номера заданий"
    ws.merge_cells("C3:G3")
    for i, t in enumerate(TASKS):
        ws.cell(row=4, column=3 + i, value=int(t))
    ws["H3"] = "Сумма баллов"
    ws.merge_cells("H3:H4")
    ws["I3"] = "Отметка по журналу"
    ws.merge_cells("I3:I4")
    ws.append(["Максимальный балл", None] + MAXIMA + [sum(MAXIMA)])
    row = 6
    for cls, pupils in PUPILS.items():
        for code, variant, scores, journal, sex in pupils:
            ws.append([code, cls] + [cell_value(s) for s in scores] + [f"=SUM(C{row}:G{row})", journal])
            row += 1
    ws.append(["Средний балл", None] + [None] * 5 + [f"=AVERAGE(H6:H{row - 1})"])
    for c in "ABCDEFGHI":
        ws[f"{c}3"].alignment = Alignment(wrap_text=True, vertical="center")
    save(wb, os.path.join(OUT, "form-maxrow.xlsx"))


def xlsx_raw(path, sheets, shared=None, styles=None):
    """A workbook written by hand: sheets as (name, sheetData XML, extra XML
    after it); inline strings unless shared is given."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        def put(name, text):
            zi = zipfile.ZipInfo(name, (2025, 4, 20, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, text, compresslevel=9)
        put("[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
        put("_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        rels = ""
        book = ""
        for i, (name, _, _) in enumerate(sheets, 1):
            rels += (f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
            book += f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        if shared is not None:
            rels += ('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'relationships/sharedStrings" Target="sharedStrings.xml"/>')
        if styles is not None:
            rels += ('<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'relationships/styles" Target="styles.xml"/>')
        put("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
            f'schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        put("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rns}><sheets>{book}'
            '</sheets></workbook>')
        if shared is not None:
            sis = "".join(f"<si><t>{s}</t></si>" for s in shared)
            put("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {ns}>{sis}</sst>')
        if styles is not None:
            put("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {ns}>{styles}</styleSheet>')
        for i, (name, data, extra) in enumerate(sheets, 1):
            put(f"xl/worksheets/sheet{i}.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}>'
                f'<sheetData>{data}</sheetData>{extra}</worksheet>')


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def inline_row(r, values):
    cells = ""
    for i, v in enumerate(values):
        ref = f"{col_letter(i)}{r}"
        if v is None or v == "":
            continue
        if isinstance(v, (int, float)):
            cells += f'<c r="{ref}"><v>{v}</v></c>'
        else:
            cells += f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
    return f'<row r="{r}">{cells}</row>'


def form_inline():
    """Written by another program: inline strings, no styles, no title —
    the assessment given on the command line; 5Б only."""
    rows = [inline_row(1, ["Код", "Класс"] + TASKS + ["Отметка по журналу"])]
    rows.append(inline_row(2, ["Макс. балл", None] + MAXIMA))
    r = 3
    for code, variant, scores, journal, sex in PUPILS["5Б"]:
        rows.append(inline_row(r, [code, "5Б"] + [None if s is None else s for s in scores] + [journal]))
        r += 1
    xlsx_raw(os.path.join(OUT, "form-inline.xlsx"), [("Результаты", "".join(rows), "")])


def csv_form(pupils, cls, name, changes=None, drop=None):
    """A class's form saved from Excel as «CSV (разделители — запятые)»:
    Windows-1251, ';', every row as wide as the table."""
    width = 3 + len(TASKS) + 1
    pad = lambda cells: ";".join(str(c) for c in cells + [""] * (width - len(cells)))
    lines = [pad(["Всероссийская проверочная работа по математике"]), pad([f"Класс: {cls}", "", "Год: 2025"]),
             pad(["Код участника", "Вариант", "Пол"] + [f"{t}({m}б)" for t, m in zip(TASKS, MAXIMA)] + [JOURNAL])]
    for code, variant, scores, journal, sex in pupils:
        if drop and code in drop:
            continue
        if changes and code in changes:
            scores = changes[code]
        lines.append(pad([code, cell_value(variant), sex] + [cell_value(s) for s in scores] + [journal]))
    write_text(name, "\r\n".join(lines) + "\r\n", encoding="cp1251")


# ------------------------------------------------------------ bad forms

def bad_forms():
    head = ["Код участника"] + [f"{t} ({m} б.)" for t, m in zip(TASKS, MAXIMA)]
    # a formula where a score should be
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "5А"
    ws.append(["ВПР Математика 5 класс 2025"])
    ws.append(head)
    ws.append(["А01", 1, 2, "=1+1", 1, 3])
    save(wb, os.path.join(BAD, "formula.xlsx"))
    # a date where a score should be: «1.2» typed, Excel made it 1 February
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "5А"
    ws.append(["ВПР Математика 5 класс 2025"])
    ws.append(head)
    ws.append(["А01", 1, 2, 2, 1, datetime.date(2025, 2, 1)])
    ws["F3"].number_format = "D.M"
    save(wb, os.path.join(BAD, "date.xlsx"))
    # a workbook cut short on its way
    with open(os.path.join(OUT, "form-sheets.xlsx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(BAD, "cut-short.xlsx"), "wb") as f:
        f.write(whole[: len(whole) * 2 // 3])
    # a sheet filled down to Excel's last row (rows and cells without their
    # numbers, which they may leave out: the file stays small)
    rows = [inline_row(1, ["ВПР Математика 5 класс 2025"]), inline_row(2, head)]
    rows += ["<row><c><v>1</v></c></row>"] * (1048576 - 2)
    xlsx_raw(os.path.join(BAD, "rows-1048576.xlsx"), [("5А", "".join(rows), "")])
    # a form of Russian given as mathematics; a form of grade 6 for 5А
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "5А"
    ws.append(["ВПР по русскому языку, 5 класс, 2025"])
    ws.append(head)
    ws.append(["А01", 1, 2, 2, 1, 3])
    save(wb, os.path.join(BAD, "russian.xlsx"))
    # a form of six tasks where the task map has five
    write_text("bad/six-tasks.csv", "ВПР Математика 5 класс 2025\n" + ";".join(head + ["6 (1 б.)"]) +
               "\nА01;1;2;2;1;3;1\n")
    write_text("bad/other-grade.csv", "ВПР Математика 6 класс 2025\n" + ";".join(head) + "\nА01;1;2;2;1;3\n")
    # a score above its task's maximum, a score that is no number, an
    # unknown code, a pupil twice
    write_text("bad/cells.csv", "ВПР Математика 5 класс 2025\n" + ";".join(head) + "\n"
               "А01;1;3;2;1;3\nА02;1;1;0;1;два\nЯ99;1;1;1;1;1\nА03;1;1;1;1;1\nА03;0;0;0;0;0\n")
    # a Word document named as a workbook
    with zipfile.ZipFile(os.path.join(BAD, "word.xlsx"), "w") as z:
        zi = zipfile.ZipInfo("[Content_Types].xml", (2025, 4, 20, 10, 0, 0))
        z.writestr(zi, "<Types/>")
        zi = zipfile.ZipInfo("_rels/.rels", (2025, 4, 20, 10, 0, 0))
        z.writestr(zi, '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def main():
    os.makedirs(BAD, exist_ok=True)
    school_files()
    form_sheets()
    form_maxrow()
    form_inline()
    csv_form(PUPILS["5А"], "5А", "form-5a.csv")
    # the same class corrected: A03's task 2 was 1, not х; A06 was not in
    # the class (the code was mistyped for А05's neighbour) and goes
    csv_form(PUPILS["5А"], "5А", "form-5a-corrected.csv", changes={"А03": [0, 1, 1, 0, 1]}, drop={"А06"})
    bad_forms()


if __name__ == "__main__":
    main()
