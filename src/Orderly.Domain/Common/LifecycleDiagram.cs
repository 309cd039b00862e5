using System.Text;

namespace Orderly.Domain.Common;

/// <summary>Renders a lifecycle transition table as a Mermaid state diagram, so the docs are generated, never drawn.</summary>
public static class LifecycleDiagram
{
    public static string ToMermaid<TState>(TState initial, IEnumerable<(TState From, string Label, TState To)> edges, IEnumerable<TState> finals)
        where TState : struct, Enum
    {
        var text = new StringBuilder();
        text.AppendLine("stateDiagram-v2");
        text.AppendLine($"    [*] --> {initial}");
        foreach (var (from, label, to) in edges) text.AppendLine($"    {from} --> {to}: {label}");
        foreach (var final in finals) text.AppendLine($"    {final} --> [*]");
        return text.ToString();
    }
}
