using Orderly.Bench;

// bench/run calls this twice: `run` drives the workloads against the started server and saves the results; `report`,
// after the server stopped and the raw floor ran, prints the table and writes the report (docs/BENCHMARKS.md, or
// docs/BENCHMARKS-postgresql.md for a run on PostgreSQL).
var args2 = new Arguments(args);
try
{
    switch (args.FirstOrDefault())
    {
        case "run":
        {
            var settings = BenchSettings.From(args2);
            using var api = new OrderlyClient(new Uri(args2.Required("--url")), connections: 64, TimeSpan.FromSeconds(settings.TimeoutSeconds),
                args2.Required("--token"));
            var probe = new ServerProbe(args2.Int("--server-pid"));
            var results = await new BenchRun(api, probe, settings).RunAsync(CancellationToken.None);
            results.Save(args2.Required("--results"));
            return 0;
        }
        case "report":
        {
            var results = BenchResults.Load(args2.Required("--results"));
            // --pgbench FILE: a PostgreSQL run set beside pgbench; else --floor FILE: a SQLite run beside sqlite_bench.py.
            IRawFloor floor;
            string database;
            if (args2.Text("--pgbench") is { } pgbench)
            {
                var pg = PgbenchFloor.Parse(File.ReadAllText(pgbench));
                floor = pg;
                database = $"{pg.Server} (server and floor on one cluster)";
            }
            else
            {
                var sqlite = FloorReadings.Parse(File.ReadAllText(args2.Required("--floor")));
                floor = sqlite;
                database = sqlite.DatabaseLine(args2.Text("--database"));
            }
            var machine = Machine.Read(args2.Text("--dotnet") ?? "?", database);
            var report = new BenchReport(results, floor, machine, args2.Text("--command") ?? "bench/run");
            Console.WriteLine(report.Table());
            if (args2.Text("--out") is { } path)
            {
                File.WriteAllText(path, report.Markdown());
                Console.WriteLine($"\nWritten to {path} (with the per-step figures, the machine and the floor).");
            }
            return 0;
        }
        default:
            Console.Error.WriteLine("usage: Orderly.Bench run --url URL --token TOKEN --results FILE [--server-pid PID] [--quick] [--duration S] [--warmup S] [--book N] [--book-w1 N] [--timeout S]");
            Console.Error.WriteLine("       Orderly.Bench report --results FILE (--floor FILE [--database FILE] | --pgbench FILE) [--dotnet VERSION] [--command TEXT] [--out FILE]");
            return 2;
    }
}
catch (BenchFailed e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 1;
}
