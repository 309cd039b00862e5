using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Orderly.Application.Tests.Persistence.Schema;

/// <summary>
/// What a SQLite schema means, as lines to compare: every column (declared type, NOT NULL, default, key position,
/// generated or not), foreign keys with their actions, indexes (unique ones by their columns and condition, others by
/// name too, since query plans name them), CHECKs, generated expressions and AUTOINCREMENT. Spelling is ignored: quotes,
/// case of types, white space, constraint names.
/// </summary>
internal static partial class SqliteSchemaShape
{
    public static List<string> Of(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        var tables = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'sqlite_sequence') ORDER BY name");
        foreach (var table in tables)
        {
            var name = table[0]!;
            var sql = Normalized(table[1]!);
            foreach (var c in Rows(connection, $"SELECT name, upper(type), \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo('{name}')"))
                lines.Add($"{name}.{c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]} generated={c[5]}");
            foreach (var f in Rows(connection, $"SELECT \"table\", group_concat(\"from\"), group_concat(\"to\"), on_update, on_delete FROM pragma_foreign_key_list('{name}') GROUP BY id ORDER BY 1, 2"))
                lines.Add($"{name} ({f[1]}) references {f[0]} ({f[2]}) on update {f[3]} on delete {f[4]}");
            foreach (var check in Parenthesised(sql, "CHECK(")) lines.Add($"{name} check {check}");
            foreach (var generated in Parenthesised(sql, "GENERATED ALWAYS AS(")) lines.Add($"{name} generated {generated}");
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"{name} autoincrement");
            foreach (var index in Rows(connection, $"SELECT name, \"unique\", partial FROM pragma_index_list('{name}')"))
            {
                var columns = string.Join(",", Rows(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno").Select(r => r[0]));
                var indexSql = Rows(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index[0]}'").SingleOrDefault()?[0];
                var condition = indexSql is null ? "" : WhereClause().Match(Normalized(indexSql)).Groups[1].Value;
                var pkIndex = Rows(connection, $"SELECT count(*) FROM pragma_table_info('{name}') WHERE pk > 0").Single()[0] == "1"
                    && columns == Rows(connection, $"SELECT name FROM pragma_table_info('{name}') WHERE pk > 0").Single()[0];
                if (pkIndex) continue; // the primary key's own index, whatever SQLite calls it
                lines.Add(index[1] == "1" ? $"{name} unique ({columns}) where {condition}" : $"{name} index {index[0]} ({columns}) where {condition}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Normalized(string sql)
    {
        var text = Regex.Replace(sql.Replace("\"", ""), @"\s+", " ");
        return Regex.Replace(text, @"\s*([(),])\s*", "$1");
    }

    private static List<string?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        return rows;
    }

    /// <summary>What stands between the parentheses after each <paramref name="keyword"/> (which ends with its opening one).</summary>
    private static IEnumerable<string> Parenthesised(string sql, string keyword)
    {
        for (var at = sql.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); at >= 0; at = sql.IndexOf(keyword, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var start = at + keyword.Length;
            var depth = 1;
            var end = start;
            while (depth > 0) depth += sql[end++] switch { '(' => 1, ')' => -1, _ => 0 };
            yield return sql[start..(end - 1)];
        }
    }

    [GeneratedRegex(@"\) ?WHERE (.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhereClause();
}
