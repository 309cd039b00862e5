using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orderly.Server.Tests;

/// <summary>
/// The OpenAPI document the server serves is the one committed in docs/openapi.json, which the linters of
/// <c>tools/openapi/lint</c> check and the typed client is generated from (issue #8, item 17).
/// </summary>
public sealed class OpenApiDocumentTests
{
    public const string CommittedCopy = "docs/openapi.json";
    public const string Regenerate = "tools/openapi/regenerate";

    [Fact]
    public async Task The_served_document_is_the_committed_copy_in_docs()
    {
        using var api = new OrderlyApi();
        var served = Normalised(await api.Client.GetStringAsync("/openapi/v1.json"));
        var file = Path.Combine(RepositoryRoot(), CommittedCopy);
        if (Environment.GetEnvironmentVariable("ORDERLY_UPDATE_DOCS") == "1") File.WriteAllText(file, served);

        File.Exists(file).ShouldBeTrue($"{CommittedCopy} is missing; write it with `{Regenerate}`.");
        File.ReadAllText(file).ReplaceLineEndings("\n").ShouldBe(served,
            $"The served OpenAPI document differs from {CommittedCopy}: an endpoint or schema changed. Run `{Regenerate}` and commit the result.");
    }

    private static string Normalised(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orderly.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Orderly.slnx above {AppContext.BaseDirectory}.");
    }
}
