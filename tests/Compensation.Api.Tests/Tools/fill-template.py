"""Fills the facts template with a sample's CSV files the way a school's own tools do: openpyxl writes
dates as dates, numbers as numbers and the yes/no columns as boolean cells.

Usage: python3 fill-template.py TEMPLATE.xlsx FACTS_FOLDER OUT.xlsx
"""
import csv
import datetime
import os
import sys
from decimal import Decimal

import openpyxl

SHEETS = {
    "校历调整": "calendar", "报名学生": "enrolments", "考勤": "attendance", "困难减免": "hardship", "缴费": "payments",
    "财政补助": "subsidies", "教职工": "staff", "课时": "lessons", "考核事件": "conduct", "值守": "duties", "支出": "expenses",
    "奖励": "awards",
}
DATES = {"date", "start", "last_day", "approved_on"}
NUMBERS = {"amount", "minutes", "waiver_percent", "decided_percent", "count", "as_weekday", "agreement_amount"}
YES_NO = {"external"}

template, folder, out = sys.argv[1:4]
book = openpyxl.load_workbook(template)
for sheet in book.worksheets:
    kind = SHEETS.get(sheet.title)
    if kind is None:
        continue
    # The example rows are written over and cleared, as a person does: the columns keep the template's
    # formats (ids and yes/no columns as text), so LibreOffice saves a boolean there as =FALSE() with 0.
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in row:
            cell.value = None
    path = os.path.join(folder, kind + ".csv")
    if not os.path.exists(path):
        continue
    columns = {str(c.value).split(" ")[-1]: c.column for c in sheet[1] if c.value}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r, row in enumerate(csv.DictReader(f), start=2):
            for name, text in row.items():
                if not text:
                    continue
                cell = sheet.cell(row=r, column=columns[name])
                if name in DATES:
                    cell.value = datetime.datetime.strptime(text, "%Y-%m-%d")
                    cell.number_format = "yyyy-mm-dd"
                elif name in NUMBERS:
                    number = Decimal(text)
                    cell.value = int(number) if number == number.to_integral_value() else float(number)
                elif name in YES_NO:
                    cell.value = text.strip().lower() in ("true", "yes", "1")
                else:
                    cell.value = text
book.save(out)
