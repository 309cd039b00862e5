using Orderly.Domain.People;

namespace Orderly.Domain.Tests.People;

/// <summary>docs/permissions.md shows <see cref="PermissionTable"/>; this test keeps it from going stale.</summary>
public sealed class PermissionsDocTests
{
    private const string DocPath = "docs/permissions.md";

    [Fact]
    public void Doc_ShowsTheCurrentPermissionTable() => GeneratedDocs.ShouldBe(DocPath, Document(), "PermissionTable");

    [Fact]
    public void Matrix_has_a_row_per_permission_and_a_column_per_role()
    {
        var rows = PermissionTable.ToMarkdown().TrimEnd('\n').Split('\n');

        rows.Length.ShouldBe(2 + PermissionTable.All.Count);
        rows[0].ShouldBe("| permission | " + string.Join(" | ", Enum.GetValues<Role>().Select(r => r.ToName())) + " |");
        var approve = rows.Single(r => r.StartsWith("| `orders.approve` |", StringComparison.Ordinal)).Split('|').Select(c => c.Trim()).ToArray();
        // Columns: "", permission, then one per role in Role order.
        approve[2 + (int)Role.Review].ShouldBe("✓");
        approve[2 + (int)Role.OrderAdministration].ShouldBe("✓");
        approve[2 + (int)Role.Warehouse].ShouldBe("");
    }

    private static string Document() =>
        $"""
        # Who may do what

        This file is generated from `PermissionTable` (src/Orderly.Domain/People/PermissionTable.cs) by `PermissionsDocTests` in
        tests/Orderly.Domain.Tests; do not edit it by hand, run `{GeneratedDocs.Regenerate}` instead. Why the table is as it
        is: [ADR 0021](decisions/0021-permissions-by-role.md).

        Each operation of the API needs one permission (a refusal is a 403 with `code` `permission.<name>`); a role holds a
        permission when its column is ticked, and a caller with several roles holds what any of them holds. Order
        administration holds every change of the business, management every read; `orders.<action>` and
        `purchase-orders.<action>` are the lifecycle commands. Customers and dealers will see only their own records
        (issue 10, still to come).

        {PermissionTable.ToMarkdown()}
        """.ReplaceLineEndings("\n");
}
