using System.Text.RegularExpressions;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

/// <summary>docs/lifecycle/sales-order.md shows <see cref="OrderLifecycle.Table"/>; this test keeps it from going stale.</summary>
public partial class LifecycleDiagramTests
{
    private const string DocPath = "docs/lifecycle/sales-order.md";
    private const string Regenerate = "ORDERLY_UPDATE_DOCS=1 dotnet test tests/Orderly.Domain.Tests";

    [Fact]
    public void Doc_ShowsTheCurrentLifecycleTable()
    {
        var file = Path.Combine(RepositoryRoot(), DocPath);
        var expected = Document(OrderLifecycle.ToMermaid());

        if (Environment.GetEnvironmentVariable("ORDERLY_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, expected);
        }

        File.Exists(file).ShouldBeTrue($"{DocPath} is missing; generate it with `{Regenerate}`.");
        var block = MermaidBlock().Match(File.ReadAllText(file).ReplaceLineEndings("\n"));
        block.Success.ShouldBeTrue($"{DocPath} has no ```mermaid block; regenerate it with `{Regenerate}`.");
        block.Groups["diagram"].Value.ShouldBe(OrderLifecycle.ToMermaid().ReplaceLineEndings("\n"),
            $"{DocPath} is stale: OrderLifecycle.Table changed. Regenerate it with `{Regenerate}` and commit the result.");
    }

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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orderly.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Orderly.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```mermaid\n(?<diagram>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
