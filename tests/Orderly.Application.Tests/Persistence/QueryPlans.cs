using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Orderly.Application.Persistence;

namespace Orderly.Application.Tests.Persistence;

/// <summary>
/// A SELECT as EF Core sent it, with its parameters (and on PostgreSQL the parameters themselves, with their types), so it
/// can be explained exactly as it ran.
/// </summary>
public sealed record CapturedQuery(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, IReadOnlyList<DbParameter>? Typed = null);

/// <summary>Records every SELECT the application runs while <see cref="Recording"/> is on.</summary>
public sealed class QueryRecorder : DbCommandInterceptor
{
    private readonly List<CapturedQuery> _queries = [];

    public bool Recording { get; set; }

    public IReadOnlyList<CapturedQuery> Queries => _queries;

    public void Clear() => _queries.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!Recording || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return;
        var parameters = command.Parameters.Cast<DbParameter>().ToList();
        _queries.Add(new CapturedQuery(command.CommandText, parameters.Select(p => (p.ParameterName, (object?)p.Value)).ToList(),
            parameters.OfType<Npgsql.NpgsqlParameter>().Select(p => (DbParameter)p.Clone()).ToList()));
    }
}

/// <summary>
/// <c>EXPLAIN QUERY PLAN</c> of a captured query, and what in it does not scale: a full scan of a book table
/// (<c>SCAN t</c> without an index), a correlated subquery over one, or (when the query must be ordered by an index)
/// a sort of every match (<c>USE TEMP B-TREE FOR ORDER BY</c> in the outer query). On PostgreSQL the plan comes from
/// <see cref="PostgresQueryPlan"/>, which reads the same three things in PostgreSQL's plan.
/// </summary>
public sealed record QueryPlan(CapturedQuery Query, IReadOnlyList<QueryPlan.Step> Steps)
{
    /// <summary>Tables that grow with the order book (or with the traffic).</summary>
    public static readonly IReadOnlySet<string> BookTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "sales_orders", "order_lines", "line_reservations", "stock_levels", "purchase_orders", "purchase_order_lines", "served_backorders",
        "goods_receipts", "backorder_links", "stock_alerts", "backorder_queue", "business_events",
        "webhook_deliveries", "webhook_attempts",
        "work_items", "work_events", "notifications",
        "idempotency_keys", // grows with every request sent with a key, until the purge
    };

    public sealed record Step(int Id, int Parent, string Detail);

    /// <summary>Set for a plan PostgreSQL gave (<see cref="PostgresQueryPlan"/>): its steps say what its nodes are.</summary>
    public bool FromPostgres { get; init; }

    /// <summary>PostgreSQL: the plan sorts at the top even with sorts switched off (no index gives the query's order).</summary>
    public bool SortsAtTheTop { get; init; }

    public static async Task<QueryPlan> ExplainAsync(OrderlyDbContext db, CapturedQuery query)
    {
        if (db.Database.IsNpgsql()) return await PostgresQueryPlan.ExplainAsync(db, query);
        await db.Database.OpenConnectionAsync(); // EF Core registers its SQL functions (ef_compare, ...) on open
        try
        {
            await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
            foreach (var (name, value) in query.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            var steps = new List<Step>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) steps.Add(new Step(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
            return new QueryPlan(query, steps);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What does not scale in this plan, one sentence each; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems(bool mustBeOrderedByIndex)
    {
        if (FromPostgres) return PostgresQueryPlan.Problems(this, mustBeOrderedByIndex);
        var tables = TablesByAlias(Query.Sql);
        var problems = new List<string>();
        foreach (var step in Steps)
        {
            if (Regex.Match(step.Detail, @"^SCAN (\S+)") is { Success: true } scan && tables.GetValueOrDefault(scan.Groups[1].Value) is { } table
                && BookTables.Contains(table) && !Regex.IsMatch(step.Detail, @"USING .*(INDEX|PRIMARY KEY)"))
                problems.Add($"full scan of {table}: '{step.Detail}'");
            if (step.Detail.StartsWith("CORRELATED", StringComparison.Ordinal)
                && Below(step).Select(TableOf).FirstOrDefault(t => t is not null && BookTables.Contains(t)) is { } inner)
                problems.Add($"correlated subquery over {inner}: '{step.Detail}', run once per outer row");
            if (mustBeOrderedByIndex && step.Parent == 0 && step.Detail.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal))
                problems.Add("sorts every match instead of reading them in the order of an index");
        }
        return problems;

        string? TableOf(Step s) =>
            Regex.Match(s.Detail, @"^(SCAN|SEARCH) (\S+)") is { Success: true } m ? tables.GetValueOrDefault(m.Groups[2].Value) : null;
    }

    /// <summary>The first table the plan reads (SQLite lists the loops of a join outermost first).</summary>
    public string? FirstTableRead()
    {
        if (FromPostgres) return PostgresQueryPlan.FirstTableRead(this);
        var tables = TablesByAlias(Query.Sql);
        return Steps.Select(s => Regex.Match(s.Detail, @"^(SCAN|SEARCH) (\S+)"))
            .Where(m => m.Success).Select(m => tables.GetValueOrDefault(m.Groups[2].Value)).FirstOrDefault(t => t is not null);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        void Write(int parent, int depth)
        {
            foreach (var step in Steps.Where(s => s.Parent == parent))
            {
                text.Append(' ', 2 * depth + 2).AppendLine(step.Detail);
                Write(step.Id, depth + 1);
            }
        }
        Write(0, 0);
        return text.ToString();
    }

    internal IEnumerable<Step> Below(Step step) =>
        Steps.Where(s => s.Parent == step.Id).SelectMany(child => Below(child).Prepend(child));

    /// <summary>EF Core writes <c>"table" AS "alias"</c>; SQLite's plan names the alias (or the table when there is none).</summary>
    private static Dictionary<string, string> TablesByAlias(string sql)
    {
        var map = BookTables.ToDictionary(t => t, t => t, StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(sql, "\"?(\\w+)\"? AS \"?(\\w+)\"?")) map[m.Groups[2].Value] = m.Groups[1].Value;
        return map;
    }
}
