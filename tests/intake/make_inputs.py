"""Write the sample input files of the README's "从已有台账开始" (and of the import tests).

Usage: python tests/intake/make_inputs.py [FOLDER]   (default: 样例)

- ``决策事项台账.xlsx``: the ledger as offices keep it — a merged title row, a 填报单位 line, a blank
  row, then the header; dates typed as ``2022.12.20``, ``2023/6/15``, ``2021年7月1日`` or real date
  cells; one 承办单位 merged over two rows; a merged 注 line at the bottom.
- ``12345工单.csv``: a hotline export saved by Excel in China (GBK), with caller names and phones.
- ``第三方评估报告.docx``: a third-party report whose headings are numbered plain paragraphs
  (一、 / （一） / 1.), worded its own way, with a table, bold and a run-in sub-heading.

The files are generated, not kept as binary blobs, so that they can be read in review.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

LEDGER = "决策事项台账.xlsx"
HOTLINE = "12345工单.csv"
REPORT = "第三方评估报告.docx"

LEDGER_HEADER = ["序号", "决策事项名称", "文号", "决策类别", "审议通过日期", "施行日期", "有效期至", "承办单位", "密级", "备注"]
LEDGER_ROWS = [
    [1, "鄂尔多斯市“十四五”生态环境保护规划", "鄂府发〔2021〕88号", "重大规划", "2021.12.01", date(2022, 1, 1),
     "2025年12月31日", "市生态环境局", "公开", ""],
    [2, "鄂尔多斯市中心城区机动车停车收费管理办法", "鄂府发〔2022〕15号", "重大政策", "2022.12.20", "2023/3/1",
     "2027/2/28", "市发展和改革委员会", "公开", "群众普遍关注"],
    [3, "鄂尔多斯市城区供热价格调整方案", "鄂府发〔2023〕6号", "重大政策", date(2023, 6, 15), "2023/10/15",
     "", None, "内部", "对公民权利义务发生普遍影响；群众普遍关注"],
    [4, "鄂尔多斯市网络预约出租汽车经营服务管理实施细则", "鄂府办发〔2021〕40号", "规范性文件", "2021年7月1日",
     "2021年8月1日", "2026年7月31日", "市交通运输局", "公开", ""],
    [5, "鄂尔多斯市城镇老旧小区改造三年行动方案", "鄂府发〔2023〕21号", "重大项目", "2023.3.10", "2023.4.1",
     "2025.12.31", "市住房和城乡建设局", "公开", "分三批实施"],
]
"""Row 3's 承办单位 is merged with row 2's (市发展和改革委员会) in the workbook."""

HOTLINE_HEADER = ["工单编号", "受理时间", "来源渠道", "诉求内容", "来电人", "联系电话", "诉求类型"]
HOTLINE_ROWS = [
    ["GD20230305001", "2023/3/5 9:12", "12345热线", "市民反映一类区域首小时收费3元偏高，建议下调。", "王某某",
     "13900001111", "投诉"],
    ["GD20230305002", "2023/3/5 10:40", "12345热线", "市民反映一类区域首小时收费3元偏高，建议下调。", "李某",
     "13900002222", "投诉"],
    ["GD20230318003", "2023/3/18 15:03", "政府网站", "建议医院周边停车场延长免费时段至30分钟。", "", "", "建议"],
    ["GD20230402004", "2023-04-02 08:55", "来信", "张某某来信：夜间停车收费标准应予公示，联系电话13900003333。",
     "张某某", "13900003333", "建议"],
    ["GD20230415005", "2023年4月15日", "微信", "支持规范停车秩序，希望增加泊位。", "赵某", "", "表扬"],
    ["GD20230420006", "2023.4.20 14:30", "电话", "咨询新能源车辆是否免费停放。", "孙某", "0477-8581234", "咨询"],
]
"""Rows 1 and 2 are the same complaint on the same day: two opinions, both counting toward 较多意见."""

SECTIONS = [
    ("一、评估工作基本情况、评估过程和方式",
     ["受市发展和改革委员会委托，鄂尔多斯市某公共政策评估中心于2025年3月至5月开展中期评估，"
      "采取问卷调查（回收有效问卷1862份）、实地考察、召开座谈会和专家咨询等方式。"]),
    ("二、决策实施基本情况", ["办法施行以来，中心城区新增公共泊位4200个，路内泊位周转率由2.1次提高到3.4次。"]),
    ("三、存在的主要问题和原因及改进建议", ["一类区域首小时收费标准偏高，医院周边免费时段过短。建议首小时收费下调为2元。"]),
    ("四、决策与法律、法规、规章及国家相关政策规定是否一致，与本级其它决策是否存在冲突或不协调的情况",
     ["办法与《内蒙古自治区机动车停放服务收费管理办法》一致，与本级其他决策不存在冲突。"]),
    ("五、利益相关方接受程度和社会公众认知认可程度", ["受访市民对办法的知晓率为87%，认可度为72%。"]),
    ("六、是否达到重大行政决策目标和预期效果", ["基本达到预期效果，分项评估如下。"]),
    ("七、负面因素和不利影响", ["部分老旧小区周边出现停车外溢，需加强疏导。"]),
    ("八、评估结论", []),
    ("九、需要说明的其他事项", ["无。"]),
]
SUBITEMS = [
    "（一）决策实施的效果与决策目的是否相符。停车秩序明显改善，与决策目的相符。",
    "（二）决策实施的成本效益分析。泊位建设投入1.2亿元，年收费收入3600万元。",
    "（三）实施对象对决策的接受程度。驾驶人对分区收费的接受程度较高。",
    "（四）决策实施与经济社会发展的符合程度。与城市发展和交通需求相符。",
    "（五）决策实施带来的影响和可预期的长远影响。有助于缓解中心城区停车难。",
    "（六）其它需要评估的内容。无。",
]


def ledger_xlsx(path: Path) -> Path:
    """The ledger workbook: title row, 填报单位 line, blank row, header, rows, a merged note."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "决策事项台账"
    width = len(LEDGER_HEADER)
    sheet.append(["鄂尔多斯市重大行政决策事项台账"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(["填报单位：鄂尔多斯市司法局", None, None, None, None, None, None, "填报日期：2025年6月30日"])
    sheet.append([])
    sheet.append(LEDGER_HEADER)
    for row in LEDGER_ROWS:
        sheet.append(row)
    for cell in sheet["F"] + sheet["E"]:
        if isinstance(cell.value, date):
            cell.number_format = "yyyy年m月d日"
    sheet.merge_cells("H6:H7")  # 承办单位 of rows 2 and 3
    last = sheet.max_row + 1
    sheet.cell(last, 1, "注：本台账按月更新，密级为“涉密”的决策不在本表中。")
    sheet.merge_cells(start_row=last, start_column=1, end_row=last, end_column=width)
    book.save(path)
    return path


def hotline_csv(path: Path, encoding: str = "gbk") -> Path:
    """The hotline export as Excel saves CSV in China (GBK, CRLF)."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(HOTLINE_HEADER)
    writer.writerows(HOTLINE_ROWS)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def report_docx(path: Path, *, leave_out: str | None = None, image: Path | None = None) -> Path:
    """The third party's report; ``leave_out`` drops the section whose heading starts so (e.g. ``七、``)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("《鄂尔多斯市中心城区机动车停车收费管理办法》中期评估报告")
    run.bold, run.font.size = True, Pt(22)
    document.add_paragraph("鄂尔多斯市某公共政策评估中心　2025年5月")
    for heading, paragraphs in SECTIONS:
        if leave_out and heading.startswith(leave_out):
            continue
        document.add_paragraph(heading)  # a plain paragraph: no heading style, as typed
        for text in paragraphs:
            document.add_paragraph(text)
        if heading.startswith("二、"):
            table = document.add_table(rows=3, cols=3)
            for r, cells in enumerate([["指标", "目标", "实际"], ["新增公共泊位（个）", "4000", "4200"],
                                       ["路内泊位周转率（次/日）", "3.0", "3.4"]]):
                for c, value in enumerate(cells):
                    table.cell(r, c).text = value
            if image is not None:
                document.add_paragraph().add_run().add_picture(str(image))
        if heading.startswith("六、"):
            for item in SUBITEMS:
                paragraph = document.add_paragraph()
                number_and_heading, _, rest = item.partition("。")
                paragraph.add_run(number_and_heading + "。").bold = True
                paragraph.add_run(rest)
            document.add_paragraph("1. 泊位利用率")
            document.add_paragraph("2. 市民满意度调查结果详见附件，共发放问卷2000份，回收有效问卷1862份，有效率93.1%。")
        if heading.startswith("八、"):
            paragraph = document.add_paragraph()
            paragraph.add_run("评估结论：").bold = True
            paragraph.add_run("建议调整重大行政决策：下调一类区域首小时收费标准，其余条款继续实施。")
    document.save(path)
    return path


def main(argv: list[str]) -> None:
    folder = Path(argv[0] if argv else "样例")
    folder.mkdir(parents=True, exist_ok=True)
    for written in (ledger_xlsx(folder / LEDGER), hotline_csv(folder / HOTLINE), report_docx(folder / REPORT)):
        print(written)


if __name__ == "__main__":
    main(sys.argv[1:])
