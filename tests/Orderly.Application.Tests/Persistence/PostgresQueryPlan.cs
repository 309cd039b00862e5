using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orderly.Application.Persistence;

namespace Orderly.Application.Tests.Persistence;

/// <summary>
/// The PostgreSQL side of <see cref="QueryPlan"/>: <c>EXPLAIN (FORMAT JSON)</c> of a captured query with sequential scans,
/// hash and merge joins switched off (<c>enable_seqscan</c>, …), so the plan shows whether an index <em>can</em> serve
/// the query and each join's inner side rather than what a planner without statistics prefers for a table of ten
/// rows; and once more with sorts off too, for whether a list page can be read in an index's order. What does not scale: a Seq Scan of a book table (no index could serve it), an index scanned without a
/// condition outside a LIMIT (the whole index read), a SubPlan over a book table (run once per outer row), and, for a
/// list page, a Sort at the top. An Incremental Sort is not one: it sorts only the ties of an index's order (EF Core
/// adds the key after the list's order, for the lines' split query), reading no further than the page.
/// Each step's detail is "Node Type[ using index][ on table AS alias][ (cond)]", its parent the node above it.
/// </summary>
public static class PostgresQueryPlan
{
    private static readonly HashSet<string> IndexScans = ["Index Scan", "Index Only Scan"];

    /// <summary>The plan with sequential scans and hash and merge joins off; and whether, with sorts off too, it still sorts at the top.</summary>
    public static async Task<QueryPlan> ExplainAsync(OrderlyDbContext db, CapturedQuery query)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var plan = new QueryPlan(query, await StepsAsync(connection, query, sortsAllowed: true)) { FromPostgres = true };
            var unsorted = new QueryPlan(query, await StepsAsync(connection, query, sortsAllowed: false)) { FromPostgres = true };
            return plan with { SortsAtTheTop = unsorted.Steps.Any(s => NodeType(s) == "Sort" && Above(unsorted, s).All(a => NodeType(a) is "Limit" or "Result")) };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlyList<QueryPlan.Step>> StepsAsync(NpgsqlConnection connection, CapturedQuery query, bool sortsAllowed)
    {
        await using var tx = await connection.BeginTransactionAsync();
        var settings = "SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off"
            + (sortsAllowed ? "" : "; SET LOCAL enable_sort = off");
        await using (var off = new NpgsqlCommand(settings, connection, tx)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + query.Sql, connection, tx);
        foreach (var parameter in query.Typed ?? []) explain.Parameters.Add(((NpgsqlParameter)parameter).Clone());
        var json = (string)(await explain.ExecuteScalarAsync())!;
        await tx.RollbackAsync();
        var steps = new List<QueryPlan.Step>();
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement[0].GetProperty("Plan"), 0, steps);
        return steps;
    }

    private static void Walk(JsonElement node, int parent, List<QueryPlan.Step> steps)
    {
        var id = steps.Count + 1;
        var detail = Text(node, "Node Type");
        if (Text(node, "Parent Relationship") == "SubPlan") detail = "SubPlan: " + detail;
        if (Text(node, "Index Name") is { Length: > 0 } index) detail += $" using {index}";
        if (Text(node, "Relation Name") is { Length: > 0 } table) detail += $" on {table} AS {Text(node, "Alias")}";
        if (Text(node, "Index Cond") is { Length: > 0 } cond) detail += $" ({cond})";
        steps.Add(new QueryPlan.Step(id, parent, detail));
        if (node.TryGetProperty("Plans", out var children))
            foreach (var child in children.EnumerateArray()) Walk(child, id, steps);
    }

    private static string Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public static IReadOnlyList<string> Problems(QueryPlan plan, bool mustBeOrderedByIndex)
    {
        var problems = new List<string>();
        foreach (var step in plan.Steps)
        {
            var node = NodeType(step);
            if (TableOf(step) is { } table && QueryPlan.BookTables.Contains(table))
            {
                if (node == "Seq Scan") problems.Add($"full scan of {table}: '{step.Detail}'");
                if (IndexScans.Contains(node) && !step.Detail.Contains(" (", StringComparison.Ordinal) && !Above(plan, step).Any(s => NodeType(s) == "Limit"))
                    problems.Add($"full scan of {table} through an index without a condition: '{step.Detail}'");
            }
            if (step.Detail.StartsWith("SubPlan: ", StringComparison.Ordinal)
                && plan.Below(step).Prepend(step).Select(TableOf).FirstOrDefault(t => t is not null && QueryPlan.BookTables.Contains(t)) is { } inner)
                problems.Add($"correlated subquery over {inner}: '{step.Detail}', run once per outer row");
        }
        if (mustBeOrderedByIndex && plan.SortsAtTheTop)
            problems.Add("sorts every match instead of reading them in the order of an index (so even with sorts switched off)");
        return problems;
    }

    private static IEnumerable<QueryPlan.Step> Above(QueryPlan plan, QueryPlan.Step step)
    {
        for (var at = step.Parent; at != 0; at = plan.Steps[at - 1].Parent) yield return plan.Steps[at - 1];
    }

    /// <summary>The first table the plan reads: the first scan met going down the outer side of its joins.</summary>
    public static string? FirstTableRead(QueryPlan plan) => plan.Steps.Select(TableOf).FirstOrDefault(t => t is not null);

    private static string NodeType(QueryPlan.Step step) =>
        Regex.Match(step.Detail, @"^(SubPlan: )?(.+?)( using | on | \(|$)").Groups[2].Value;

    private static string? TableOf(QueryPlan.Step step) =>
        Regex.Match(step.Detail, @" on (\w+) AS ") is { Success: true } m ? m.Groups[1].Value : null;
}
