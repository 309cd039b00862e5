using Orderly.Domain.Procurement;

namespace Orderly.Domain.Tests.Procurement;

/// <summary>docs/lifecycle/purchase-order.md shows <see cref="PurchaseOrderLifecycle.Table"/>; this test keeps it from going stale.</summary>
public class PurchaseOrderDiagramTests
{
    private const string DocPath = "docs/lifecycle/purchase-order.md";
    private const string Regenerate = GeneratedDocs.Regenerate;

    [Fact]
    public void Doc_ShowsTheCurrentLifecycleTable() =>
        GeneratedDocs.ShouldShow(DocPath, Document(PurchaseOrderLifecycle.ToMermaid()), PurchaseOrderLifecycle.ToMermaid(), "PurchaseOrderLifecycle.Table");

    [Fact]
    public void Mermaid_DrawsEveryTargetOfEveryRow()
    {
        var lines = PurchaseOrderLifecycle.ToMermaid().ReplaceLineEndings("\n").Split('\n');

        lines[0].ShouldBe("stateDiagram-v2");
        lines.ShouldContain("    [*] --> Draft");
        lines.ShouldContain("    Confirmed --> PartiallyReceived: receive");
        lines.ShouldContain("    Confirmed --> Confirmed: confirm");
        lines.ShouldContain("    Received --> [*]");
        lines.ShouldContain("    Cancelled --> [*]");
        foreach (var row in PurchaseOrderLifecycle.Table)
            foreach (var target in row.To)
                lines.ShouldContain($"    {row.From} --> {target}: {row.Command.ToActionName()}");
        lines.Count(l => l.Contains(": ", StringComparison.Ordinal)).ShouldBe(PurchaseOrderLifecycle.Table.Sum(r => r.To.Length));
    }

    private static string Document(string mermaid) =>
        $"""
        # Purchase order lifecycle

        This file is generated from `PurchaseOrderLifecycle.Table` by `PurchaseOrderDiagramTests` in tests/Orderly.Domain.Tests; do not edit it by hand, run `{Regenerate}` instead.

        Confirm on a Confirmed or PartiallyReceived order moves the promised date (the supplier re-promised). Receive lands on
        PartiallyReceived or Received by what is still open. Goods are received through `POST /api/purchase-orders/{"{id}"}/receipts`.

        ```mermaid
        {mermaid.ReplaceLineEndings("\n")}```

        """.ReplaceLineEndings("\n");
}
