using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

/// <summary>docs/lifecycle/sales-order.md shows <see cref="OrderLifecycle.Table"/>; this test keeps it from going stale.</summary>
public class LifecycleDiagramTests
{
    private const string DocPath = "docs/lifecycle/sales-order.md";
    private const string Regenerate = GeneratedDocs.Regenerate;

    [Fact]
    public void Doc_ShowsTheCurrentLifecycleTable() =>
        GeneratedDocs.ShouldShow(DocPath, Document(OrderLifecycle.ToMermaid()), OrderLifecycle.ToMermaid(), "OrderLifecycle.Table");

    [Fact]
    public void Mermaid_DrawsEveryTargetOfEveryRowWithItsGuard()
    {
        var lines = OrderLifecycle.ToMermaid().ReplaceLineEndings("\n").Split('\n');

        lines[0].ShouldBe("stateDiagram-v2");
        lines.ShouldContain("    [*] --> Draft");
        lines.ShouldContain("    Fulfilling --> Cancelled: cancel [nothing shipped]");
        lines.ShouldContain("    Invoiced --> Paid: record-payment [invoice open]");
        foreach (var row in OrderLifecycle.Table)
            foreach (var target in row.To)
                lines.ShouldContain(l => l.StartsWith($"    {row.From} --> {target}: {row.Command.ToActionName()}", StringComparison.Ordinal));
        lines.Count(l => l.Contains(": ", StringComparison.Ordinal)).ShouldBe(OrderLifecycle.Table.Sum(r => r.To.Length));
    }

    private static string Document(string mermaid) =>
        $"""
        # Sales order lifecycle

        This file is generated from `OrderLifecycle.Table` by `LifecycleDiagramTests` in tests/Orderly.Domain.Tests; do not edit it by hand, run `{Regenerate}` instead.

        ```mermaid
        {mermaid.ReplaceLineEndings("\n")}```

        """.ReplaceLineEndings("\n");
}
