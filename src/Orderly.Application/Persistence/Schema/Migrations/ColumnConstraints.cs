using FluentMigrator.Builders.Create.Table;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Constraints FluentMigrator's fluent syntax cannot state on SQLite, which accepts them only inside CREATE TABLE or ADD
/// COLUMN: a CHECK, a foreign key on an added column, a foreign key over several columns. Each is spelled so that both
/// SQLite and PostgreSQL accept it (ADR 0014).
/// </summary>
internal static class ColumnConstraints
{
    /// <summary>A column type with a CHECK on it (both providers accept a column CHECK that reads other columns of the row).</summary>
    public static string Checked(string type, string condition) => $"{type} CHECK ({condition})";

    /// <summary>A column type with a foreign key on it, for <c>Alter.Table(..).AddColumn(..)</c>: SQLite cannot add the key afterwards.</summary>
    public static string Referencing(string type, string table, string column) => $"{type} REFERENCES {table} ({column})";

    /// <summary>
    /// Widens the foreign key just declared with <c>.ForeignKey(name, table, column)</c> to several columns: FluentMigrator's
    /// column syntax names one, and SQLite takes a composite key only inside CREATE TABLE.
    /// </summary>
    public static ICreateTableColumnOptionOrForeignKeyCascadeOrWithColumnSyntax Over(
        this ICreateTableColumnOptionOrForeignKeyCascadeOrWithColumnSyntax foreignKey, string[] columns, string[] primaryColumns)
    {
        var key = ((CreateTableExpressionBuilder)foreignKey).CurrentForeignKey
            ?? throw new InvalidOperationException("Over(...) follows .ForeignKey(name, table, column).");
        key.ForeignColumns.Clear();
        foreach (var column in columns) key.ForeignColumns.Add(column);
        key.PrimaryColumns.Clear();
        foreach (var column in primaryColumns) key.PrimaryColumns.Add(column);
        return foreignKey;
    }
}
