using System.Text.RegularExpressions;

namespace Orderly.Domain.Tests;

/// <summary>
/// Keeps a generated doc (a lifecycle diagram, the permission matrix) in step with the code it is drawn from: fails
/// with how to regenerate when stale, and rewrites it when ORDERLY_UPDATE_DOCS=1.
/// </summary>
public static partial class GeneratedDocs
{
    public const string Regenerate = "ORDERLY_UPDATE_DOCS=1 dotnet test tests/Orderly.Domain.Tests";

    /// <summary>The doc's ```mermaid block must be <paramref name="mermaid"/> (the prose around it may be edited).</summary>
    public static void ShouldShow(string docPath, string document, string mermaid, string source)
    {
        var block = MermaidBlock().Match(Current(docPath, document));
        block.Success.ShouldBeTrue($"{docPath} has no ```mermaid block; regenerate it with `{Regenerate}`.");
        block.Groups["diagram"].Value.ShouldBe(mermaid.ReplaceLineEndings("\n"),
            Stale(docPath, source));
    }

    /// <summary>The whole doc must be <paramref name="document"/>: for a generated file with no hand-written part.</summary>
    public static void ShouldBe(string docPath, string document, string source) =>
        Current(docPath, document).ShouldBe(document.ReplaceLineEndings("\n"),
            Stale(docPath, source));

    /// <summary>The doc as committed, after writing <paramref name="document"/> over it when ORDERLY_UPDATE_DOCS=1.</summary>
    private static string Current(string docPath, string document)
    {
        var file = Path.Combine(RepositoryRoot(), docPath);
        if (Environment.GetEnvironmentVariable("ORDERLY_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, document.ReplaceLineEndings("\n"));
        }

        File.Exists(file).ShouldBeTrue($"{docPath} is missing; generate it with `{Regenerate}`.");
        return File.ReadAllText(file).ReplaceLineEndings("\n");
    }

    private static string Stale(string docPath, string source) =>
        $"{docPath} is stale: {source} changed. Regenerate it with `{Regenerate}` and commit the result.";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orderly.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Orderly.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```mermaid\n(?<diagram>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
