namespace Compensation.Rules.Tests.Loading;

/// <summary>
/// A small valid term in both forms. March 2025: the 3rd is a Monday; the 7th (Friday) is a holiday
/// and the 8th (Saturday) a make-up day running Friday's timetable.
/// </summary>
internal static class SampleFacts
{
    public static Dictionary<string, string> Csv() => new()
    {
        ["term.csv"] = "term_id,school,start,end\n2025S,示例小学,2025-03-03,2025-03-31\n",
        ["calendar.csv"] = "date,kind,as_weekday,note\n2025-03-08,makeup,5,调休\n2025-03-07,holiday,,\n",
        ["enrolments.csv"] = "student_id,name,class,weekdays,start,last_day\nS2,王小明,3班,135,,\nS1,\"Li, Hua\",1班,12345,2025-03-05,2025-03-20\n",
        ["attendance.csv"] = "student_id,date,status\nS2,2025-03-05,leave\nS1,2025-03-10,absent\nS2,2025-03-03,absent\n",
        ["hardship.csv"] = "approval_id,student_id,category,waiver_percent,approved_on,approved_by\nH1,S2,dibao,100,2025-02-20,张老师\n",
        ["payments.csv"] = "payment_id,student_id,date,amount\nP2,S2,2025-03-04,210.5\nP1,S1,2025-03-03,350\n",
        ["subsidies.csv"] = "subsidy_id,date,amount,source\nSUB1,2025-03-15,1000,区财政\n",
        ["staff.csv"] = "staff_id,name,employee_no,role,external,agreement_amount\nT1,王老师,E001,teacher,,\nX1,赵教练,,coach,true,1200.00\nT2,钱老师,E002,teacher,false,\n",
        ["lessons.csv"] = "lesson_id,staff_id,date,slot,minutes,group\nL2,T1,2025-03-04,1,40,A\nL1,T1,2025-03-03,1,40,A\nL3,T2,2025-03-04,2,45,\n",
        ["conduct.csv"] = "event_id,staff_id,date,kind,decided_percent,lesson_id,note\nC1,T1,2025-03-04,no-show,,L2,\"did not come,\nno notice\"\nC2,T2,2025-03-05,incident,60,,\n",
        ["duties.csv"] = "duty_id,staff_id,date,duty,count\nD1,T1,2025-03-05,break-supervision,2\nD2,T2,2025-03-06,guard,\n",
        ["expenses.csv"] = "expense_id,date,category,amount,payee,note\nE1,2025-03-10,consumables,99.99,文具店,\n",
        ["awards.csv"] = "award_id,staff_id,amount,reason\nA1,T1,100,优秀\n",
    };

    public const string Json = """
        {
          "term": { "term_id": "2025S", "school": "示例小学", "start": "2025-03-03", "end": "2025-03-31" },
          "calendar": [
            { "date": "2025-03-07", "kind": "holiday" },
            { "date": "2025-03-08", "kind": "makeup", "as_weekday": 5, "note": "调休" }
          ],
          "enrolments": [
            { "student_id": "S1", "name": "Li, Hua", "class": "1班", "weekdays": [1, 2, 3, 4, 5], "start": "2025-03-05", "last_day": "2025-03-20" },
            { "student_id": "S2", "name": "王小明", "class": "3班", "weekdays": "135", "start": null }
          ],
          "attendance": [
            { "student_id": "S2", "date": "2025-03-03", "status": "absent" },
            { "student_id": "S2", "date": "2025-03-05", "status": "leave" },
            { "student_id": "S1", "date": "2025-03-10", "status": "absent" }
          ],
          "hardship": [
            { "approval_id": "H1", "student_id": "S2", "category": "dibao", "waiver_percent": 100, "approved_on": "2025-02-20", "approved_by": "张老师" }
          ],
          "payments": [
            { "payment_id": "P1", "student_id": "S1", "date": "2025-03-03", "amount": 350 },
            { "payment_id": "P2", "student_id": "S2", "date": "2025-03-04", "amount": "210.5" }
          ],
          "subsidies": [ { "subsidy_id": "SUB1", "date": "2025-03-15", "amount": 1000, "source": "区财政" } ],
          "staff": [
            { "staff_id": "T1", "name": "王老师", "employee_no": "E001", "role": "teacher" },
            { "staff_id": "T2", "name": "钱老师", "employee_no": "E002", "role": "teacher", "external": false },
            { "staff_id": "X1", "name": "赵教练", "role": "coach", "external": true, "agreement_amount": 1200.00 }
          ],
          "lessons": [
            { "lesson_id": "L1", "staff_id": "T1", "date": "2025-03-03", "slot": "1", "minutes": 40, "group": "A" },
            { "lesson_id": "L2", "staff_id": "T1", "date": "2025-03-04", "slot": 1, "minutes": 40, "group": "A" },
            { "lesson_id": "L3", "staff_id": "T2", "date": "2025-03-04", "slot": 2, "minutes": "45" }
          ],
          "conduct": [
            { "event_id": "C1", "staff_id": "T1", "date": "2025-03-04", "kind": "no-show", "lesson_id": "L2", "note": "did not come,\nno notice" },
            { "event_id": "C2", "staff_id": "T2", "date": "2025-03-05", "kind": "incident", "decided_percent": 60 }
          ],
          "duties": [
            { "duty_id": "D1", "staff_id": "T1", "date": "2025-03-05", "duty": "break-supervision", "count": 2 },
            { "duty_id": "D2", "staff_id": "T2", "date": "2025-03-06", "duty": "guard" }
          ],
          "expenses": [ { "expense_id": "E1", "date": "2025-03-10", "category": "consumables", "amount": 99.99, "payee": "文具店" } ],
          "awards": [ { "award_id": "A1", "staff_id": "T1", "amount": 100, "reason": "优秀" } ]
        }
        """;
}
