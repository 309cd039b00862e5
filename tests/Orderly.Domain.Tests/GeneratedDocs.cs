using System.Text.RegularExpressions;

namespace Orderly.Domain.Tests;

/// <summary>
/// Keeps a generated doc (a lifecycle diagram) in step with the code it is drawn from: fails with how to regenerate
/// when stale, and rewrites it when ORDERLY_UPDATE_DOCS=1.
/// </summary>
public static partial class GeneratedDocs
{
    public const string Regenerate = "ORDERLY_UPDATE_DOCS=1 dotnet test tests/Orderly.Domain.Tests";

    public static void ShouldShow(string docPath, string document, string mermaid, string source)
    {
        var file = Path.Combine(RepositoryRoot(), docPath);
        if (Environment.GetEnvironmentVariable("ORDERLY_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, document.ReplaceLineEndings("\n"));
        }

        File.Exists(file).ShouldBeTrue($"{docPath} is missing; generate it with `{Regenerate}`.");
        var block = MermaidBlock().Match(File.ReadAllText(file).ReplaceLineEndings("\n"));
        block.Success.ShouldBeTrue($"{docPath} has no ```mermaid block; regenerate it with `{Regenerate}`.");
        block.Groups["diagram"].Value.ShouldBe(mermaid.ReplaceLineEndings("\n"),
            $"{docPath} is stale: {source} changed. Regenerate it with `{Regenerate}` and commit the result.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orderly.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Orderly.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```mermaid\n(?<diagram>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
