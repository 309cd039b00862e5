using System.Text.RegularExpressions;
using Orderly.Domain.Procurement;

namespace Orderly.Domain.Tests.Procurement;

/// <summary>docs/lifecycle/purchase-order.md shows <see cref="PurchaseOrderLifecycle.Table"/>; this test keeps it from going stale.</summary>
public partial class PurchaseOrderDiagramTests
{
    private const string DocPath = "docs/lifecycle/purchase-order.md";
    private const string Regenerate = "ORDERLY_UPDATE_DOCS=1 dotnet test tests/Orderly.Domain.Tests";

    [Fact]
    public void Doc_ShowsTheCurrentLifecycleTable()
    {
        var file = Path.Combine(RepositoryRoot(), DocPath);
        var expected = Document(PurchaseOrderLifecycle.ToMermaid());

        if (Environment.GetEnvironmentVariable("ORDERLY_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, expected);
        }

        File.Exists(file).ShouldBeTrue($"{DocPath} is missing; generate it with `{Regenerate}`.");
        var block = MermaidBlock().Match(File.ReadAllText(file).ReplaceLineEndings("\n"));
        block.Success.ShouldBeTrue($"{DocPath} has no ```mermaid block; regenerate it with `{Regenerate}`.");
        block.Groups["diagram"].Value.ShouldBe(PurchaseOrderLifecycle.ToMermaid().ReplaceLineEndings("\n"),
            $"{DocPath} is stale: PurchaseOrderLifecycle.Table changed. Regenerate it with `{Regenerate}` and commit the result.");
    }

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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orderly.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Orderly.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```mermaid\n(?<diagram>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
