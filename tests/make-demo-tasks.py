#!/usr/bin/python3
# Remakes the demo school's ВПР forms of 2026 task by task
# (data/demo/tasks.xlsx: a sheet per class and subject in ФИС ОКО's shape)
# and its task map (data/demo/taskmap.csv) from the scores the demo's
# results already hold (data/demo/results.csv): every pupil's total shared
# out among the tasks, the easy ones first, so that the forms give the same
# results and the map shows a few deficits. Invented, as the whole demo
# school is. Only needed to remake them; the demo reads the committed
# files. Debian: apt-get install python3-openpyxl, then
#   /usr/bin/python3 tests/make-demo-tasks.py
import csv
import os
import re
import zipfile
import zlib

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "data", "demo")
YEAR = "2026"

# (subject, grade): tasks as (number, maximum, what it checks, block, level,
# the region's percent); the maxima add up to the scale's maximum.
FORMS = {
    ("Математика", 4): [
        ("1", 1, "Выполнять арифметические действия с числами", "Числа и вычисления", "Б", 88),
        ("2", 1, "Вычислять значение числового выражения", "Числа и вычисления", "Б", 84),
        ("3", 2, "Решать задачи в одно-два действия", "Текстовые задачи", "Б", 71),
        ("4", 1, "Читать, записывать и сравнивать величины (время)", "Величины", "Б", 70),
        ("5", 2, "Вычислять периметр и площадь прямоугольника", "Геометрия", "Б", 58),
        ("6", 2, "Читать и заполнять таблицы и диаграммы", "Работа с данными", "Б", 74),
        ("7", 1, "Выполнять письменно действия с многозначными числами", "Числа и вычисления", "Б", 66),
        ("8", 2, "Решать текстовые задачи в три-четыре действия", "Текстовые задачи", "П", 45),
        ("9", 2, "Объяснять, сравнивать и обобщать данные", "Логика", "П", 51),
        ("10", 1, "Описывать взаимное расположение предметов", "Геометрия", "Б", 60),
        ("11", 2, "Изображать геометрические фигуры", "Геометрия", "Б", 55),
        ("12", 3, "Решать задачи в три-четыре действия, логические задачи", "Логика", "В", 19),
    ],
    ("Русский язык", 4): [
        ("1", 4, "Писать текст под диктовку по изученным правилам", "Правописание", "Б", 62),
        ("2", 3, "Разбирать предложение по членам", "Синтаксис", "Б", 68),
        ("3", 3, "Находить однородные члены предложения", "Синтаксис", "Б", 60),
        ("4", 2, "Ставить ударение в словах", "Орфоэпия", "Б", 72),
        ("5", 2, "Находить слово с заданными звуками", "Фонетика", "Б", 74),
        ("6", 2, "Определять основную мысль текста", "Работа с текстом", "П", 48),
        ("7", 2, "Составлять план текста", "Работа с текстом", "П", 43),
        ("8", 3, "Задавать вопрос по содержанию текста", "Работа с текстом", "П", 52),
        ("9", 2, "Определять значение слова по тексту", "Лексика", "Б", 65),
        ("10", 2, "Подбирать к слову близкое по значению", "Лексика", "Б", 70),
        ("11", 3, "Находить в словах корень, приставку, суффикс", "Состав слова", "Б", 58),
        ("12", 3, "Распознавать имена существительные и их признаки", "Морфология", "Б", 61),
        ("13", 3, "Распознавать имена прилагательные и их признаки", "Морфология", "Б", 57),
        ("14", 2, "Находить глаголы в предложении", "Морфология", "Б", 69),
        ("15", 2, "Объяснять значение выражения в речевой ситуации", "Речь", "В", 31),
    ],
    ("Математика", 5): [
        ("1", 1, "Сравнивать натуральные числа", "Числа и вычисления", "Б", 87),
        ("2", 1, "Выполнять действия с натуральными числами", "Числа и вычисления", "Б", 80),
        ("3", 1, "Понимать смысл обыкновенной дроби", "Дроби", "Б", 72),
        ("4", 1, "Находить часть числа и число по его части", "Дроби", "Б", 61),
        ("5", 1, "Округлять натуральные числа", "Числа и вычисления", "Б", 76),
        ("6", 1, "Читать информацию из таблиц и диаграмм", "Работа с данными", "Б", 79),
        ("7", 1, "Выполнять действия с единицами измерения", "Величины", "Б", 63),
        ("8", 2, "Решать текстовые задачи на движение", "Текстовые задачи", "П", 47),
        ("9", 1, "Находить значение числового выражения", "Числа и вычисления", "Б", 60),
        ("10", 2, "Решать задачи на покупки и части", "Текстовые задачи", "П", 42),
        ("11", 2, "Находить периметр и площадь фигур", "Геометрия", "Б", 49),
        ("12", 2, "Строить фигуры на клетчатой бумаге", "Геометрия", "П", 44),
        ("13", 1, "Представлять фигуры в пространстве", "Геометрия", "П", 38),
        ("14", 3, "Решать логические задачи", "Логика", "В", 15),
    ],
    ("Русский язык", 5): [
        ("1", 9, "Списывать текст с пропусками орфограмм и пунктограмм", "Правописание", "Б", 58),
        ("2", 12, "Проводить морфемный, морфологический и синтаксический разбор", "Разбор", "П", 46),
        ("3", 3, "Распознавать ударные и безударные гласные", "Фонетика", "Б", 64),
        ("4", 4, "Ставить ударение в словах", "Орфоэпия", "Б", 61),
        ("5", 3, "Распознавать части речи", "Морфология", "Б", 66),
        ("6", 2, "Находить предложение с прямой речью", "Пунктуация", "П", 48),
        ("7", 2, "Находить сложное предложение", "Синтаксис", "П", 50),
        ("8", 2, "Определять основную мысль текста", "Работа с текстом", "П", 45),
        ("9", 2, "Составлять план текста", "Работа с текстом", "П", 40),
        ("10", 2, "Задавать вопрос по содержанию текста", "Работа с текстом", "Б", 55),
        ("11", 2, "Определять значение слова по тексту", "Лексика", "Б", 63),
        ("12", 2, "Подбирать антонимы", "Лексика", "Б", 68),
    ],
}


def jitter(code, k):
    """The same small difference every time for a pupil and a task."""
    return (zlib.crc32(f"{code}/{k}".encode()) % 1000) / 1000.0


def share(code, total, tasks):
    """A total shared out among the tasks: the easier a task (the region's
    percent) the sooner a point lands there, each pupil a little apart."""
    got = [0] * len(tasks)
    for _ in range(int(total)):
        best, key = None, None
        for k, t in enumerate(tasks):
            if got[k] >= t[1]:
                continue
            ease = t[5] / 100.0 * (1 - got[k] / t[1]) + 0.6 * jitter(code, k * 31 + got[k])
            if key is None or ease > key:
                best, key = k, ease
        got[best] += 1
    return got


def results():
    """The demo's 2026 ВПР scores of these forms: (subject, grade, class) -> rows."""
    out = {}
    with open(os.path.join(DEMO, "results.csv"), encoding="utf-8-sig") as f:
        for row in csv.reader(f, delimiter=";"):
            proc, subject, day, cls, code, score, _, journal, absent = row
            if proc != "ВПР" or not day.endswith(YEAR):
                continue
            grade = int(re.match(r"\d+", cls).group())
            if (subject, grade) in FORMS:
                out.setdefault((subject, grade, cls), []).append((code, score, absent == "да"))
    return out


def fixed_times(path):
    """The same bytes every time: every member dated alike."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-04-30T10:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, (2026, 4, 30, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    os.replace(tmp, path)


def main():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for (subject, grade, cls), pupils in sorted(results().items(), key=lambda i: (i[0][2], i[0][0])):
        tasks = FORMS[(subject, grade)]
        ws = wb.create_sheet(f"{cls} {subject}")
        ws["A1"] = f"Всероссийские проверочные работы {YEAR}"
        ws["A1"].font = Font(bold=True)
        ws["A2"] = "Предмет:"
        ws["B2"] = subject
        ws["A3"] = "Класс:"
        ws["B3"] = cls
        ws.append([])
        ws.append(["Код участника", "Вариант"] + [f"{t[0]} ({t[1]} б.)" for t in tasks])
        for i, (code, score, absent) in enumerate(pupils):
            if absent:
                ws.append([code, "отсутствовал"])
            else:
                ws.append([code, 1 + i % 2] + share(code, int(score), tasks))
        ws.column_dimensions["A"].width = 16
    path = os.path.join(DEMO, "tasks.xlsx")
    wb.save(path)
    fixed_times(path)

    rows = ["Процедура;Предмет;Параллель;Год;№ задания;Макс. балл;Проверяемые требования (умения);Блок;Уровень;"
            "% выполнения по региону"]
    for (subject, grade), tasks in FORMS.items():
        for number, top, skill, block, level, region in tasks:
            rows.append(f"ВПР;{subject};{grade};{YEAR};{number};{top};{skill};{block};{level};{region}")
    with open(os.path.join(DEMO, "taskmap.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + "\r\n".join(rows) + "\r\n")


main()
