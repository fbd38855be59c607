using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;
using Compensation.Rules.Facts.Input;
using Compensation.Rules.Facts.Loading;
using Compensation.Rules.Policy.Loading;
using Compensation.Rules.Settlement;
using Compensation.Rules.Tests.Generation;

namespace Compensation.Benchmarks;

/// <summary>
/// Figures for the HTTP service as a real process (not a timed test):
/// generates the big term, writes its facts as the CSV files the service imports (attendance.csv with a
/// row for every served day of every student: absent/leave as generated, present otherwise) and the
/// generator's plan as policy.yaml; builds src/Api (Release) and starts `dotnet compensation.dll serve`
/// on 127.0.0.1 with a free port, a fresh temporary SQLite file (and, with --postgres, a fresh
/// PostgreSQL database), no demo school and a known first admin key; then through the HTTP API creates
/// a school and a term, uploads the plan, times the CSV import (cold, then again into a second term),
/// times draft + finalise, and loads the HR pay feed with wrk (installed with apt-get when missing and
/// run as root). Prints a summary of figure against goal. Exit code 0 unless something failed (a missed
/// goal is not a failure).
///   service [--students N] [--staff N] [--days N] [--seed N] [--postgres "Host=…;Username=…;Password=…"]
///           [--duration S] [--connections N] [--threads N] [--no-build] [--keep] [--sql-log] [--env NAME=VALUE]…
/// --env sets an environment variable of the service (e.g. DOTNET_TieredCompilation=0, to see what JIT tiering costs);
/// --keep leaves the temporary folder (CSV files, policy.yaml, the SQLite file) for a look afterwards;
/// --sql-log has the service log every SQL command with its time (EF Core's Database.Command category)
/// and prints, per phase, how many ran and how long they took; wrk is then skipped (logging distorts it).
/// </summary>
public static class ServiceFigures
{
    private const string AdminKey = "cmp_bench_admin_0123456789abcdef";
    private const string SchoolId = "bench";
    private const double ImportGoalMs = 10_000;
    private const double SettleGoalMs = 3_000;
    private const double FeedRpsGoal = 1000;
    private const double FeedP99GoalMs = 50;

    private sealed record Options(Size Size, string? Postgres, int Duration, int Connections, int Threads, bool Build, bool Keep, bool SqlLog, IReadOnlyDictionary<string, string> Env);

    /// <summary>What one database's run measured; null where the step failed or did not run.</summary>
    private sealed class Figures(string database)
    {
        public string Database { get; } = database;
        public double? StartMs { get; set; }
        public double? ImportMs { get; set; }
        public double? ImportWarmMs { get; set; }
        public double? DraftMs { get; set; }
        public double? FinaliseMs { get; set; }
        public double? DraftWarmMs { get; set; }
        public double? FinaliseWarmMs { get; set; }
        public double? Rps { get; set; }
        public double? P50Ms { get; set; }
        public double? P99Ms { get; set; }
        public double? ServiceCpu { get; set; }
        public string? Feed { get; set; }
        public List<string> Failures { get; } = [];

        public List<string> Notes { get; } = [];

        public bool LoadSkipped { get; set; }

        public double? StolenDuringLoad { get; set; }

        public double? SettleMs => DraftMs + FinaliseMs;

        public double? SettleWarmMs => DraftWarmMs + FinaliseWarmMs;
    }

    public static int Run(string[] args)
    {
        Options options;
        try
        {
            options = ParseOptions(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: Compensation.Benchmarks service [--students N] [--staff N] [--days N] [--seed N] [--postgres \"<connection string>\"] [--duration S] [--connections N] [--threads N] [--no-build] [--keep] [--sql-log] [--env NAME=VALUE]");
            return 2;
        }

        var root = FindRoot();
        var folder = Path.Combine(Path.GetTempPath(), "compensation-service-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var results = new List<Figures>();
        Console.WriteLine($"load average at start: {LoadAverage()} ({Environment.ProcessorCount} cores)");
        try
        {
            var size = options.Size;
            Console.WriteLine($"generating: seed {size.Seed}, {size.Students} students, {size.Staff} staff, {size.Days} service days");
            var sw = Stopwatch.StartNew();
            var (_, facts) = TermGenerator.Generate(size.Seed, size.Students, size.Staff, size.Days);
            var files = WriteFacts(facts);
            var policyYaml = PolicyYaml();
            Directory.CreateDirectory(Path.Combine(folder, "facts"));
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(folder, "facts", name), bytes);
            }

            File.WriteAllText(Path.Combine(folder, "policy.yaml"), policyYaml, new UTF8Encoding(false));
            Console.WriteLine($"generated and written in {sw.ElapsedMilliseconds} ms to {folder}");
            foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {name,-16} {Lines(bytes) - 1,8:N0} rows {bytes.Length / 1024.0,9:N0} KiB");
            }

            var uploaded = files.Where(f => f.Key != "term.csv").Select(f => f.Value).ToList();
            Console.WriteLine($"  uploaded: {uploaded.Count} files (all but term.csv, which the service makes from the term), {uploaded.Sum(b => Lines(b) - 1):N0} rows, "
                + $"{uploaded.Sum(b => (long)b.Length) / 1048576.0:0.0} MiB as one multipart body");

            var expectedHash = LocalCheck(facts, files, policyYaml);
            if (expectedHash is null)
            {
                return 1;
            }

            var dll = Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "compensation.dll");
            if (options.Build && !BuildService(root))
            {
                return 1;
            }

            if (!File.Exists(dll))
            {
                Console.Error.WriteLine($"{dll} is missing; build src/Api in Release first");
                return 1;
            }

            var wrk = EnsureWrk();
            var databases = new List<(string Name, string Provider, string? Connection)> { ("sqlite", "sqlite", null) };
            if (options.Postgres is not null)
            {
                databases.Add(("postgres", "postgres", options.Postgres));
            }

            foreach (var (name, provider, connection) in databases)
            {
                var figures = new Figures(name);
                results.Add(figures);
                try
                {
                    RunOne(figures, options, dll, folder, provider, connection, facts, files, policyYaml, expectedHash, wrk).GetAwaiter().GetResult();
                }
                catch (Exception e)
                {
                    figures.Failures.Add($"{e.GetType().Name}: {e.Message}");
                    Console.Error.WriteLine($"[{name}] failed: {e}");
                }
            }

            PrintSummary(results, options);
            return results.All(r => r.Failures.Count == 0) ? 0 : 1;
        }
        finally
        {
            try
            {
                if (options.Keep)
                {
                    Console.WriteLine($"kept {folder} (--keep)");
                }
                else
                {
                    Directory.Delete(folder, recursive: true);
                    Console.WriteLine($"deleted {folder}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"could not delete {folder}: {e.Message}");
            }
        }
    }

    private static Options ParseOptions(string[] args)
    {
        string? postgres = null;
        int duration = 15, connections = 32, threads = 2;
        bool build = true, keep = false, sqlLog = false;
        var rest = new List<string>();
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--postgres":
                    postgres = Next();
                    break;
                case "--duration":
                    duration = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--connections":
                    connections = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--no-build":
                    build = false;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--sql-log":
                    sqlLog = true;
                    break;
                case "--env":
                    var pair = Next();
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new ArgumentException($"--env expects NAME=VALUE, not {pair}");
                    }

                    env[pair[..eq]] = pair[(eq + 1)..];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new Options(Size.Parse([.. rest]), postgres, duration, connections, threads, build, keep, sqlLog, env);
    }

    // ---------------------------------------------------------------------------------------------
    // The facts as CSV and the plan as YAML

    /// <summary>The term's facts as the CSV files of docs/facts-format.md (term.csv too; it is not uploaded: the service makes it from the term).</summary>
    private static Dictionary<string, byte[]> WriteFacts(TermFacts f)
    {
        static string D(DateOnly? d) => d is { } x ? Dates.Iso(x) : "";
        static string N(decimal? d) => d is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "";
        static string I(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string Q(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        void Write<T>(string name, string header, IEnumerable<T> items, Func<T, string> row)
        {
            var text = new StringBuilder(header).Append('\n');
            foreach (var item in items)
            {
                text.Append(row(item)).Append('\n');
            }

            files[name] = new UTF8Encoding(false).GetBytes(text.ToString());
        }

        var t = f.Term;
        Write("term.csv", "term_id,school,start,end", [t], x => $"{Q(x.TermId)},{Q(x.School)},{D(x.Start)},{D(x.End)}");
        Write("calendar.csv", "date,kind,as_weekday,note", f.Calendar, c =>
            $"{D(c.Date)},{(c.Kind == CalendarDayKind.Holiday ? "holiday" : "makeup")},{I(c.AsWeekday)},{Q(c.Note)}");
        Write("enrolments.csv", "student_id,name,class,weekdays,start,last_day", f.Enrolments, e =>
            $"{e.StudentId},{Q(e.Name)},{Q(e.ClassName)},{string.Concat(e.Weekdays)},{D(e.Start)},{D(e.LastDay)}");

        // A register that lists every served day: absent/leave where the generator marked the day, present otherwise.
        var calendar = new ServiceCalendar(t.Start, t.End, f.Calendar);
        var marks = f.Attendance.ToDictionary(a => (a.StudentId, a.Date), a => a.Status);
        var register = f.Enrolments.SelectMany(e => calendar.StudentDays([.. e.Weekdays], e.Start ?? t.Start, e.LastDay ?? t.End).Select(d => (e.StudentId, Date: d)));
        Write("attendance.csv", "student_id,date,status", register, r =>
            $"{r.StudentId},{D(r.Date)},{(marks.TryGetValue((r.StudentId, r.Date), out var s) ? (s == AttendanceStatus.Absent ? "absent" : "leave") : "present")}");

        Write("hardship.csv", "approval_id,student_id,category,waiver_percent,approved_on,approved_by", f.Hardship, h =>
            $"{h.ApprovalId},{h.StudentId},{h.Category},{N(h.WaiverPercent)},{D(h.ApprovedOn)},{Q(h.ApprovedBy)}");
        Write("payments.csv", "payment_id,student_id,date,amount", f.Payments, p => $"{p.PaymentId},{p.StudentId},{D(p.Date)},{p.Amount}");
        Write("subsidies.csv", "subsidy_id,date,amount,source", f.Subsidies, s => $"{s.SubsidyId},{D(s.Date)},{s.Amount},{Q(s.Source)}");
        Write("staff.csv", "staff_id,name,employee_no,role,external,agreement_amount", f.Staff, s =>
            $"{s.StaffId},{Q(s.Name)},{Q(s.EmployeeNo)},{Q(s.Role)},{(s.External ? "true" : "false")},{s.AgreementAmount?.ToString()}");
        Write("lessons.csv", "lesson_id,staff_id,date,slot,minutes,group", f.Lessons, l =>
            $"{l.LessonId},{l.StaffId},{D(l.Date)},{Q(l.Slot)},{I(l.Minutes)},{Q(l.Group)}");
        Write("conduct.csv", "event_id,staff_id,date,kind,decided_percent,lesson_id,note", f.Conduct, c =>
            $"{c.EventId},{c.StaffId},{D(c.Date)},{c.Kind},{N(c.DecidedPercent)},{c.LessonId},{Q(c.Note)}");
        Write("duties.csv", "duty_id,staff_id,date,duty,count", f.Duties, d => $"{d.DutyId},{d.StaffId},{D(d.Date)},{d.Duty},{I(d.Count)}");
        Write("expenses.csv", "expense_id,date,category,amount,payee,note", f.Expenses, e =>
            $"{e.ExpenseId},{D(e.Date)},{e.Category},{e.Amount},{Q(e.Payee)},{Q(e.Note)}");
        Write("awards.csv", "award_id,staff_id,amount,reason", f.Awards, a => $"{a.AwardId},{a.StaffId},{a.Amount},{Q(a.Reason)}");

        // Files without rows are left out, as a school would.
        foreach (var empty in files.Where(kv => kv.Key != "term.csv" && Lines(kv.Value) <= 1).Select(kv => kv.Key).ToList())
        {
            files.Remove(empty);
        }

        return files;
    }

    /// <summary>
    /// TermGenerator.Policy() (default options) as a policy file: nothing in the repository writes a
    /// SchoolPolicy as YAML, and rules-samples/yongqiao-002-s1/policy.yaml does not fit the generated facts
    /// (it names no 建档立卡 waiver category and allows 100% for 家庭经济困难), so this is that file with the
    /// generator's differences. <see cref="LocalCheck"/> proves it settles exactly like the generator's object.
    /// </summary>
    private static string PolicyYaml() => """
        school: 埇桥区示例小学
        plan: 课后服务实施方案1（生成数据）
        source: seed 002 §1

        fees:
          mode: flat-term
          term_fee: 350
          pro_rata_days_per_week: true
          pro_rata_join: true
          clause: "002 §1 一(一)"
          cap:
            per_term: 350
            clamp: false
            clause: "002 §1 一(一)"

        subsidy:
          mode: none

        refunds:
          absence:
            min_weeks: 1
            statuses: [absent, leave]
            clause: "002 §1 一(一)"
          surplus:
            mode: keep
            clause: "002 §1 一(三)"

        waivers:
          clause: "002 §1 一(一)"
          categories:
            dibao: { name: 低保, max_percent: 100 }
            jiandang: { name: 建档立卡, max_percent: 100 }
            kunnan: { name: 家庭经济困难, max_percent: 50 }

        pay:
          mode: pool
          pool_includes_subsidies: false
          pool_deducts_expenses: [consumables, venue]
          ceiling: { amount: 60, unit: lesson, clamp: false, clause: "002 §1 二(一)" }
          clause: "002 §1 二(三)2"

        stipends:
          per_day: { guard: 30, duty-leader: 0, support: 0, admin-duty: 0 }
          clause: "002 §1 二(三)1"

        deductions:
          base: lesson-pay
          rules:
            - id: no-show
              kinds: [no-show]
              each: lesson
              clause: "002 §1 二(四)2"
            - id: lateness
              kinds: [late, early-leave, swap]
              each: day
              escalation: { at: 3, percent: 50, mode: replace }
              clause: "002 §1 二(四)3"
            - id: handover
              kinds: [handover]
              each: percent
              percent: 10
              escalation: { at: 3, percent: 50, mode: replace }
              clause: "002 §1 二(四)4"
            - id: perfunctory
              kinds: [perfunctory, complaint]
              each: decided
              range: [10, 100]
              clause: "002 §1 二(四)5"
            - id: incident
              kinds: [incident]
              each: decided
              range: [50, 100]
              scope: month
              clause: "002 §1 二(四)6"

        publication:
          legal_basis: 《埇桥区全面推进中小学课后服务工作实施方案》
          complaint_phone: "0557-0000000"
        """;

    /// <summary>
    /// In this process, with the term.csv the service writes (school = the school's id): the CSV files and
    /// the YAML must settle to the same bytes as the generator's objects. Also times the in-process parts of
    /// what the service does on import and settlement, as a breakdown. Returns the expected output SHA-256.
    /// </summary>
    private static string? LocalCheck(TermFacts facts, Dictionary<string, byte[]> files, string policyYaml)
    {
        Console.WriteLine();
        Console.WriteLine("in-process check and breakdown (the same steps the service takes, without HTTP and database):");
        var term = facts.Term with { School = SchoolId };
        var serviceFiles = new Dictionary<string, byte[]>(files, StringComparer.Ordinal)
        {
            ["term.csv"] = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"term_id,school,start,end\n{term.TermId},{term.School},{term.Start:yyyy-MM-dd},{term.End:yyyy-MM-dd}\n")),
        };
        var generated = Settler.Settle(TermGenerator.Policy(), facts with { Term = term });
        var expected = SettlementJson.Serialize(generated);

        double load = 0, policy = 0, settle = 0, serialize = 0, hash = 0;
        string json = "";
        const int Runs = 3;
        for (var i = 0; i < Runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var loaded = FactsLoader.LoadFiles(serviceFiles);
            load = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var p = PolicyLoader.LoadText(policyYaml, "policy.yaml");
            policy = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var result = Settler.Settle(p, loaded);
            settle = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            json = SettlementJson.Serialize(result);
            serialize = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            _ = Sha256(json);
            hash = sw.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine($"  (third of {Runs} runs, warm) load + check CSV {F(load)} ms, load policy {F(policy)} ms, settle {F(settle)} ms, "
            + $"serialise result {F(serialize)} ms ({Encoding.UTF8.GetByteCount(json) / 1048576.0:0.0} MiB of JSON), SHA-256 {F(hash)} ms");
        Console.WriteLine($"  ≈ {F(load + policy + settle + serialize + hash)} ms of CPU per settlement of the stored files: a draft does it once, a finalise again");
        var marksOnly = new Dictionary<string, byte[]>(serviceFiles, StringComparer.Ordinal)
        {
            ["attendance.csv"] = Encoding.UTF8.GetBytes(string.Join('\n', Encoding.UTF8.GetString(serviceFiles["attendance.csv"]).Split('\n').Where(l => !l.EndsWith(",present", StringComparison.Ordinal)))),
        };
        FactsLoader.LoadFiles(marksOnly);
        var swMarks = Stopwatch.StartNew();
        FactsLoader.LoadFiles(marksOnly);
        Console.WriteLine($"  load + check CSV without the present rows ({facts.Attendance.Count:N0} attendance rows instead of {Lines(serviceFiles["attendance.csv"]) - 1:N0}): {F(swMarks.Elapsed.TotalMilliseconds)} ms");
        if (json != expected)
        {
            Console.Error.WriteLine("  the CSV files and policy.yaml do NOT settle like the generator's objects; the writer in ServiceFigures is wrong");
            return null;
        }

        Console.WriteLine("  the CSV files and policy.yaml settle to the same bytes as the generator's facts and policy");
        var swParse = Stopwatch.StartNew();
        using (JsonDocument.Parse(json))
        {
        }

        Console.WriteLine($"  JsonDocument.Parse of the result JSON (finalise parses the new result twice to list the differences): {F(swParse.Elapsed.TotalMilliseconds)} ms");
        return Sha256(json);
    }

    // ---------------------------------------------------------------------------------------------
    // The service

    private static async Task RunOne(
        Figures figures, Options options, string dll, string folder, string provider, string? connection,
        TermFacts facts, Dictionary<string, byte[]> files, string policyYaml, string expectedHash, string? wrk)
    {
        var name = figures.Database;
        Console.WriteLine();
        Console.WriteLine($"===== {name} =====");
        string? database = null;
        var settings = new List<string> { "--Data:Provider", provider };
        if (options.SqlLog)
        {
            settings.AddRange(["--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information"]);
        }

        if (provider == "sqlite")
        {
            var db = Path.Combine(folder, "service.db");
            settings.AddRange(["--Data:Sqlite", db]);
            Console.WriteLine($"database: fresh SQLite file {db}");
        }
        else
        {
            database = "compensation_bench_" + Guid.NewGuid().ToString("N")[..12];
            var withDb = await CreatePostgresDatabaseAsync(connection!, database);
            settings.AddRange(["--ConnectionStrings:Postgres", withDb]);
            Console.WriteLine($"database: fresh PostgreSQL database {database}");
        }

        using var service = new ServiceProcess();
        try
        {
            var sw = Stopwatch.StartNew();
            foreach (var (k, v) in options.Env)
            {
                Console.WriteLine($"service environment: {k}={v}");
            }

            await service.StartAsync(dll, settings, options.Env);
            figures.StartMs = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"service pid {service.Pid} listening on {service.BaseUrl} (ready in {F(figures.StartMs.Value)} ms, migrations included)");

            using var admin = service.Client(AdminKey);
            var term = facts.Term;
            await Expect(admin.PostAsJsonAsync("api/schools", new { id = SchoolId, name = term.School }), HttpStatusCode.Created, "create the school");
            await CreateTerm(admin, term.TermId, term);
            var planBody = new StringContent(policyYaml, Encoding.UTF8, "application/yaml");
            await Expect(admin.PostAsync($"api/schools/{SchoolId}/plans?fileName=policy.yaml", planBody), HttpStatusCode.Created, "upload the plan");
            Console.WriteLine($"created school {SchoolId}, term {term.TermId} ({Dates.Iso(term.Start)} – {Dates.Iso(term.End)}), uploaded policy.yaml");

            // The import, cold (first of its kind since the start: JIT included, as after a restart).
            var upload = files.Where(f => f.Key != "term.csv").OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            Console.WriteLine($"load average before the import: {LoadAverage()}");
            var mark = service.Mark;
            var (machine, serviceCpu) = (CpuStat.Read(), service.CpuTime());
            var (importMs, imported) = await Import(admin, term.TermId, upload);
            figures.ImportMs = importMs;
            Console.WriteLine($"import (cold)   {F(importMs),9} ms   {imported}");
            Console.WriteLine($"    {Usage(service, serviceCpu, machine)}");
            mark = await SqlSummary(options, service, mark);

            (machine, serviceCpu) = (CpuStat.Read(), service.CpuTime());
            var (draftMs, finaliseMs, runId, outputSha) = await DraftAndFinalise(admin, term.TermId, options, service);
            (figures.DraftMs, figures.FinaliseMs) = (draftMs, finaliseMs);
            Console.WriteLine($"draft + finalise {F(draftMs + finaliseMs),8} ms   run {runId}");
            Console.WriteLine($"    {Usage(service, serviceCpu, machine)}");
            if (outputSha != expectedHash)
            {
                figures.Failures.Add("the service's settlement differs from the in-process one");
                Console.Error.WriteLine($"the service's output SHA-256 {outputSha} differs from the in-process settlement's {expectedHash}");
            }
            else
            {
                Console.WriteLine("the service's output SHA-256 equals the in-process settlement's");
            }

            // The same again into a second term of the school: the steady-state figures.
            var second = term.TermId + "-b";
            await CreateTerm(admin, second, term);
            Console.WriteLine($"again into term {second} (warm):");
            mark = service.Mark;
            (machine, serviceCpu) = (CpuStat.Read(), service.CpuTime());
            var (warmImportMs, _) = await Import(admin, second, upload);
            figures.ImportWarmMs = warmImportMs;
            Console.WriteLine($"import (warm)   {F(warmImportMs),9} ms");
            Console.WriteLine($"    {Usage(service, serviceCpu, machine)}");
            await SqlSummary(options, service, mark);
            (machine, serviceCpu) = (CpuStat.Read(), service.CpuTime());
            var (warmDraft, warmFinalise, _, _) = await DraftAndFinalise(admin, second, options, service);
            (figures.DraftWarmMs, figures.FinaliseWarmMs) = (warmDraft, warmFinalise);
            Console.WriteLine($"draft + finalise {F(warmDraft + warmFinalise),8} ms (warm)");
            Console.WriteLine($"    {Usage(service, serviceCpu, machine)}");

            // The HR pay feed.
            var key = await CreateHrKey(admin);
            using var hr = service.Client(key);
            var feedPath = $"api/pay?school={SchoolId}&term={Uri.EscapeDataString(term.TermId)}";
            mark = service.Mark;
            using (var first = await hr.GetAsync(feedPath))
            {
                var body = await first.Content.ReadAsByteArrayAsync();
                if (first.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {feedPath}: {(int)first.StatusCode} {Encoding.UTF8.GetString(body)}");
                }

                using var doc = JsonDocument.Parse(body);
                var total = doc.RootElement.GetProperty("total").GetInt32();
                var pageSize = doc.RootElement.GetProperty("pageSize").GetInt32();
                var count = doc.RootElement.GetProperty("lines").GetArrayLength();
                figures.Feed = $"GET /{feedPath} (page 1, default page size {pageSize}: {count} of {total} pay lines, {body.Length / 1024.0:0.0} KiB of JSON)";
                Console.WriteLine($"pay feed: {figures.Feed}");
            }

            var sequential = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                using var again = await hr.GetAsync(feedPath);
                await again.Content.ReadAsByteArrayAsync();
            }

            Console.WriteLine($"pay feed, one client, one request at a time: {F(sequential.Elapsed.TotalMilliseconds / 20)} ms per request (mean of 20, after the first)");
            await SqlSummary(options, service, mark);
            if (options.SqlLog)
            {
                Console.WriteLine("wrk skipped: --sql-log makes the service log every command, which would distort the load figures");
                figures.LoadSkipped = true;
                return;
            }

            if (wrk is null)
            {
                figures.Failures.Add("wrk is not available; the pay feed was not loaded");
                return;
            }

            var url = service.BaseUrl + feedPath;
            Console.WriteLine($"load average before wrk: {LoadAverage()}");
            var warm = RunWrk(wrk, options.Threads, options.Connections, 3, key, url);
            Console.WriteLine($"warm-up: wrk 3 s: {warm.Rps:0} req/s, p99 {F(warm.P99Ms)} ms");
            var cpuBefore = service.CpuTime();
            var machineBefore = CpuStat.Read();
            var run = RunWrk(wrk, options.Threads, options.Connections, options.Duration, key, url);
            var cpu = (service.CpuTime() - cpuBefore).TotalSeconds / run.Seconds;
            figures.StolenDuringLoad = CpuStat.Read().Since(machineBefore)?.Stolen;
            (figures.Rps, figures.P50Ms, figures.P99Ms, figures.ServiceCpu) = (run.Rps, run.P50Ms, run.P99Ms, cpu);
            Console.WriteLine($"wrk -t{options.Threads} -c{options.Connections} -d{options.Duration}s --latency:");
            foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Console.WriteLine("  | " + line.TrimEnd());
            }

            Console.WriteLine($"pay feed: {run.Rps:0} req/s, p50 {F(run.P50Ms)} ms, p99 {F(run.P99Ms)} ms; the service used {cpu:0.00} of {Environment.ProcessorCount} cores meanwhile "
                + $"({F(cpu * 1000 / run.Rps)} ms of CPU per request); {(CpuStat.Read().Since(machineBefore) is { } m ? m.ToString() : "")}");
            if (run.Errors is { } errors)
            {
                figures.Failures.Add("wrk: " + errors);
            }

            if (run.Timeouts > 0)
            {
                figures.Notes.Add($"wrk gave up on {run.Timeouts} requests after its 2 s timeout (they count in no latency figure)");
            }
        }
        finally
        {
            var code = service.Stop();
            Console.WriteLine($"service stopped{(code is { } c ? $" (exit code {c})" : "")}");
            if (figures.Failures.Count > 0 || figures.ImportMs is null)
            {
                Console.WriteLine("the service's last lines:");
                foreach (var line in service.Output.TakeLast(30))
                {
                    Console.WriteLine("  > " + line);
                }
            }

            if (database is not null)
            {
                await DropPostgresDatabaseAsync(connection!, database);
            }
        }
    }

    private static async Task CreateTerm(HttpClient admin, string termId, TermInfo term) =>
        await Expect(admin.PostAsJsonAsync($"api/schools/{SchoolId}/terms", new { termId, start = Dates.Iso(term.Start), end = Dates.Iso(term.End) }), HttpStatusCode.Created, $"create term {termId}");

    private static async Task<(double Ms, string Summary)> Import(HttpClient admin, string termId, List<KeyValuePair<string, byte[]>> upload)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in upload)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, name, name);
        }

        var sw = Stopwatch.StartNew();
        using var response = await admin.PostAsync($"api/schools/{SchoolId}/terms/{termId}/facts", form);
        var body = await response.Content.ReadAsStringAsync();
        var ms = sw.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"import into {termId}: {(int)response.StatusCode} {Truncate(body)}");
        }

        using var doc = JsonDocument.Parse(body);
        var rows = doc.RootElement.GetProperty("files").EnumerateArray().Sum(f => f.GetProperty("rows").GetInt32());
        return (ms, $"201, {doc.RootElement.GetProperty("files").GetArrayLength()} files, {rows:N0} rows");
    }

    private static async Task<(double Draft, double Finalise, long RunId, string OutputSha)> DraftAndFinalise(HttpClient admin, string termId, Options options, ServiceProcess service)
    {
        var mark = service.Mark;
        var sw = Stopwatch.StartNew();
        using var draft = await admin.PostAsync($"api/schools/{SchoolId}/terms/{termId}/settlements", null);
        var draftBody = await draft.Content.ReadAsStringAsync();
        var draftMs = sw.Elapsed.TotalMilliseconds;
        if (draft.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"draft of {termId}: {(int)draft.StatusCode} {Truncate(draftBody)}");
        }

        using var run = JsonDocument.Parse(draftBody);
        var runId = run.RootElement.GetProperty("runId").GetInt64();
        var outputSha = run.RootElement.GetProperty("outputSha256").GetString() ?? "";
        Console.WriteLine($"draft           {F(draftMs),9} ms");
        mark = await SqlSummary(options, service, mark);
        sw.Restart();
        using var final = await admin.PostAsync($"api/schools/{SchoolId}/terms/{termId}/settlements/{runId}/finalise", null);
        var finalBody = await final.Content.ReadAsStringAsync();
        var finaliseMs = sw.Elapsed.TotalMilliseconds;
        if (final.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"finalise of run {runId}: {(int)final.StatusCode} {Truncate(finalBody)}");
        }

        Console.WriteLine($"finalise        {F(finaliseMs),9} ms");
        await SqlSummary(options, service, mark);

        return (draftMs, finaliseMs, runId, outputSha);
    }

    private static async Task<string> CreateHrKey(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("api/keys", new { name = "hr (bench)", role = "hr", schoolId = SchoolId });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"creating the hr key: {(int)response.StatusCode} {Truncate(body)}");
        }

        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("key").GetString()!;
    }

    private static async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode status, string what)
    {
        using var response = await call;
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>Builds src/Api in Release (warnings are errors); retries when another build holds a file.</summary>
    private static bool BuildService(string root)
    {
        var project = Path.Combine(root, "src", "Api", "Compensation.Api.csproj");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Console.WriteLine();
            Console.WriteLine($"building: dotnet build {Path.GetRelativePath(root, project)} -c Release{(attempt > 1 ? $" (attempt {attempt})" : "")}");
            var sw = Stopwatch.StartNew();
            var (code, output) = RunProcess(DotnetHost(), ["build", project, "-c", "Release", "-nologo", "-v", "quiet"], TimeSpan.FromMinutes(10));
            if (code == 0)
            {
                Console.WriteLine($"built in {sw.Elapsed.TotalSeconds:0.0} s");
                return true;
            }

            var locked = Regex.IsMatch(output, "being used by another process|MSB3026|MSB3027|MSB3021|cannot access the file|The process cannot access", RegexOptions.IgnoreCase);
            Console.Error.WriteLine(output.TrimEnd());
            if (!locked && attempt >= 2)
            {
                Console.Error.WriteLine("the service does not build; the figures need it (or run with --no-build to use the existing compensation.dll)");
                return false;
            }

            Console.Error.WriteLine(locked ? "files are locked by another build; retrying in 10 s" : "the build failed; retrying once in 10 s (someone may be mid-edit)");
            Thread.Sleep(TimeSpan.FromSeconds(10));
        }

        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // PostgreSQL: a fresh database per run, dropped afterwards

    private static async Task<string> CreatePostgresDatabaseAsync(string connection, string database)
    {
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }

        await using (var c = new Npgsql.NpgsqlConnection(admin.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{database}\"";
            await cmd.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = database }.ConnectionString;
    }

    private static async Task DropPostgresDatabaseAsync(string connection, string database)
    {
        try
        {
            var admin = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            if (string.IsNullOrEmpty(admin.Database) || admin.Database == database)
            {
                admin.Database = "postgres";
            }

            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var c = new Npgsql.NpgsqlConnection(admin.ConnectionString);
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
            Console.WriteLine($"dropped database {database}");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"could not drop database {database}: {e.Message}");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // wrk

    /// <summary>Errors: non-2xx answers or broken connections (a failure); Timeouts: requests wrk gave up on after 2 s (slow, not broken).</summary>
    private sealed record WrkRun(double Rps, double P50Ms, double P99Ms, double Seconds, string? Errors, int Timeouts, string Output);

    /// <summary>wrk on PATH; else installed with apt-get (as root), printing what it does; null when that is not possible.</summary>
    private static string? EnsureWrk()
    {
        var found = Which("wrk");
        if (found is not null)
        {
            return found;
        }

        Console.WriteLine();
        Console.WriteLine("wrk is not installed");
        var (idCode, uid) = RunProcess("id", ["-u"], TimeSpan.FromSeconds(10));
        if (idCode != 0 || uid.Trim() != "0")
        {
            Console.Error.WriteLine("not root: install it with `apt-get update && apt-get install -y wrk` as root, then run again");
            return null;
        }

        foreach (var args in new[] { new[] { "update" }, new[] { "install", "-y", "wrk" } })
        {
            Console.WriteLine($"running: apt-get {string.Join(' ', args)}");
            var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            var (code, output) = RunProcess("apt-get", args, TimeSpan.FromMinutes(10), env);
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(args[0] == "update" ? 3 : 8))
            {
                Console.WriteLine("  " + line.TrimEnd());
            }

            if (code != 0)
            {
                Console.Error.WriteLine($"apt-get {args[0]} failed ({code})");
                return null;
            }
        }

        return Which("wrk");
    }

    private static WrkRun RunWrk(string wrk, int threads, int connections, int seconds, string key, string url)
    {
        string[] args = [$"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", $"X-Api-Key: {key}", url];
        var (code, output) = RunProcess(wrk, args, TimeSpan.FromSeconds(seconds + 60));
        if (code != 0)
        {
            throw new InvalidOperationException($"wrk failed ({code}): {output}");
        }

        var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
        var p50 = Regex.Match(output, @"^\s+50%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        var p99 = Regex.Match(output, @"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!rps.Success || !p99.Success || !p50.Success)
        {
            throw new InvalidOperationException("cannot read wrk's output:\n" + output);
        }

        var errors = new List<string>();
        if (Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)") is { Success: true } non2xx)
        {
            errors.Add($"{non2xx.Groups[1].Value} non-2xx responses");
        }

        var timeouts = 0;
        if (Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)") is { Success: true } socket)
        {
            timeouts = int.Parse(socket.Groups[4].Value, CultureInfo.InvariantCulture);
            if (socket.Groups[1].Value != "0" || socket.Groups[2].Value != "0" || socket.Groups[3].Value != "0")
            {
                errors.Add(socket.Value.Trim());
            }
        }

        var duration = Regex.Match(output, @"requests in ([\d.]+)(us|ms|s|m),");
        return new WrkRun(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Ms(p50.Groups[1].Value, p50.Groups[2].Value),
            Ms(p99.Groups[1].Value, p99.Groups[2].Value),
            duration.Success ? Ms(duration.Groups[1].Value, duration.Groups[2].Value) / 1000 : seconds,
            errors.Count == 0 ? null : string.Join("; ", errors),
            timeouts,
            output);

        static double Ms(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
        {
            "us" => 0.001,
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            _ => throw new FormatException(unit),
        };
    }

    // ---------------------------------------------------------------------------------------------
    // The summary

    private static void PrintSummary(List<Figures> results, Options options)
    {
        Console.WriteLine();
        Console.WriteLine($"===== summary: {options.Size.Students} students, {options.Size.Staff} staff, {options.Size.Days} service days, seed {options.Size.Seed}; {Environment.ProcessorCount} cores shared by the service, wrk and this command =====");
        var header = $"{"figure",-46}{"goal",-12}" + string.Concat(results.Select(r => $"{r.Database,-22}"));
        Console.WriteLine(header);
        Console.WriteLine(new string('-', header.Length));
        void Row(string figure, string goal, Func<Figures, double?> value, Func<double, string> format, Func<double, bool>? met)
        {
            var cells = results.Select(r => value(r) is { } v ? format(v) + (met is null ? "" : met(v) ? "  met" : "  NOT met") : r.LoadSkipped ? "skipped" : "failed");
            Console.WriteLine($"{figure,-46}{goal,-12}" + string.Concat(cells.Select(c => $"{c,-22}")));
        }

        Row("service start (migrations, empty database)", "", r => r.StartMs, v => $"{v / 1000:0.00} s", null);
        Row("CSV import, cold (first after start)", "< 10 s", r => r.ImportMs, v => $"{v / 1000:0.00} s", v => v < ImportGoalMs);
        Row("CSV import, warm (second term)", "< 10 s", r => r.ImportWarmMs, v => $"{v / 1000:0.00} s", v => v < ImportGoalMs);
        Row("draft + finalise, cold", "< 3 s", r => r.SettleMs, v => $"{v / 1000:0.00} s", v => v < SettleGoalMs);
        Row("  of which draft", "", r => r.DraftMs, v => $"{v / 1000:0.00} s", null);
        Row("  of which finalise", "", r => r.FinaliseMs, v => $"{v / 1000:0.00} s", null);
        Row("draft + finalise, warm (second term)", "< 3 s", r => r.SettleWarmMs, v => $"{v / 1000:0.00} s", v => v < SettleGoalMs);
        Row("pay feed throughput", ">= 1000/s", r => r.Rps, v => $"{v:0} req/s", v => v >= FeedRpsGoal);
        Row("pay feed latency p50", "", r => r.P50Ms, v => $"{v:0.0} ms", null);
        Row("pay feed latency p99", "< 50 ms", r => r.P99Ms, v => $"{v:0.0} ms", v => v < FeedP99GoalMs);
        Row("service CPU during the load (cores)", "", r => r.ServiceCpu, v => $"{v:0.00}", null);
        Row("CPU time stolen by the hypervisor meanwhile", "", r => r.StolenDuringLoad, v => $"{v:0%}", null);
        var feed = results.Select(r => r.Feed).FirstOrDefault(f => f is not null);
        if (feed is not null)
        {
            Console.WriteLine($"pay feed request: {feed}, wrk -t{options.Threads} -c{options.Connections} -d{options.Duration}s after a 3 s warm-up");
        }

        foreach (var r in results.Where(r => r.Notes.Count > 0))
        {
            Console.WriteLine($"note on {r.Database}: {string.Join("; ", r.Notes)}");
        }

        foreach (var r in results.Where(r => r.Failures.Count > 0))
        {
            Console.WriteLine($"FAILED on {r.Database}: {string.Join("; ", r.Failures)}");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /// <summary>`dotnet compensation.dll serve` with the given settings on a free loopback port, no demo school and <see cref="AdminKey"/>.</summary>
    private sealed class ServiceProcess : IDisposable
    {
        private readonly ConcurrentQueue<string> _output = new();

        /// <summary>How many lines the service has printed so far.</summary>
        public int Mark => _output.Count;
        private Process? _process;

        public string BaseUrl { get; private set; } = "";

        public int Pid => _process?.Id ?? 0;

        public IEnumerable<string> Output => _output;

        public async Task StartAsync(string dll, IEnumerable<string> settings, IReadOnlyDictionary<string, string> env)
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}/";
            var start = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { dll, "serve", "--urls", BaseUrl.TrimEnd('/'), "--Demo:Enabled", "false", "--Auth:InitialAdminKey", AdminKey }.Concat(settings))
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            foreach (var (k, v) in env)
            {
                start.Environment[k] = v;
            }
            _process = new Process { StartInfo = start, EnableRaisingEvents = true };
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            using var client = Client(AdminKey);
            client.Timeout = TimeSpan.FromSeconds(5);
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the service exited with code {_process.ExitCode} before it was ready:\n{string.Join('\n', _output.TakeLast(40))}");
                }

                try
                {
                    using var response = await client.GetAsync("api/schools");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"the service was not ready within 120 s:\n{string.Join('\n', _output.TakeLast(40))}");
        }

        public HttpClient Client(string key)
        {
            var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }

        public TimeSpan CpuTime()
        {
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }

        /// <summary>SIGTERM (a graceful stop), then a kill if it has not ended within 15 s; the exit code if it ended.</summary>
        public int? Stop()
        {
            if (_process is null)
            {
                return null;
            }

            try
            {
                if (!_process.HasExited)
                {
                    RunProcess("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
                    if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
                    {
                        _process.Kill(entireProcessTree: true);
                        _process.WaitForExit(TimeSpan.FromSeconds(15));
                    }
                }

                return _process.HasExited ? _process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            Stop();
            _process?.Dispose();
            _process = null;
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                _output.Enqueue(line);
            }
        }
    }

    private static (int Code, string Output) RunProcess(string file, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"{file} did not finish within {timeout.TotalSeconds:0} s\n{stdout.Result}{stderr.Result}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Compensation.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Compensation.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>With --sql-log: the SQL commands the service logged since the mark (count, time, the slowest); returns the new mark.</summary>
    private static async Task<int> SqlSummary(Options options, ServiceProcess service, int mark)
    {
        if (!options.SqlLog)
        {
            return service.Mark;
        }

        await Task.Delay(300); // the log lines trail the response a little
        var lines = service.Output.Skip(mark).ToList();
        var commands = new List<(int Ms, string Sql)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var m = Regex.Match(lines[i], @"Executed DbCommand \((\d+)ms\)");
            if (!m.Success)
            {
                continue;
            }

            var sql = new StringBuilder();
            for (var j = i + 1; j < lines.Count && lines[j].StartsWith("      ", StringComparison.Ordinal); j++)
            {
                sql.Append(' ').Append(lines[j].Trim());
            }

            commands.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), sql.ToString().Trim()));
        }

        Console.WriteLine($"    SQL: {commands.Count} commands, {commands.Sum(c => c.Ms)} ms in the database driver");
        foreach (var (ms, sql) in commands.OrderByDescending(c => c.Ms).Take(4).Where(c => c.Ms > 0))
        {
            Console.WriteLine($"      {ms,6} ms  {(sql.Length > 150 ? sql[..150] + "…" : sql)}");
        }

        return service.Mark;
    }

    /// <summary>The service's CPU time and the machine's since the samples: how much of the wall time the service could compute.</summary>
    private static string Usage(ServiceProcess service, TimeSpan serviceCpuBefore, CpuStat machineBefore)
    {
        var cpu = (service.CpuTime() - serviceCpuBefore).TotalSeconds;
        return $"service CPU {cpu:0.00} s; {(CpuStat.Read().Since(machineBefore) is { } m ? m.ToString() : "machine figures unknown")}";
    }

    /// <summary>The first line of /proc/stat: the machine's CPU time by kind, in clock ticks.</summary>
    private sealed record CpuStat(long Busy, long Idle, long Steal)
    {
        public static CpuStat Read()
        {
            try
            {
                var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                    .Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                // user nice system idle iowait irq softirq steal …
                return new CpuStat(f[0] + f[1] + f[2] + f[5] + f[6], f[3] + f[4], f.Length > 7 ? f[7] : 0);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                return new CpuStat(0, 0, 0);
            }
        }

        public Share? Since(CpuStat before)
        {
            var (busy, idle, steal) = (Busy - before.Busy, Idle - before.Idle, Steal - before.Steal);
            var all = (double)(busy + idle + steal);
            return all <= 0 ? null : new Share(busy / all, idle / all, steal / all);
        }
    }

    private sealed record Share(double Busy, double Idle, double Stolen)
    {
        public override string ToString() => $"the machine's CPUs meanwhile: {Busy:0%} busy (everyone's), {Idle:0%} idle, {Stolen:0%} stolen by the hypervisor";
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static int Lines(byte[] bytes) => bytes.Count(b => b == (byte)'\n');

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Truncate(string s) => s.Length <= 2000 ? s : s[..2000] + "…";

    private static string F(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}
