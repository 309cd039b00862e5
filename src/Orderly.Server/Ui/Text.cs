namespace Orderly.Server.Ui;

/// <summary>The UI's texts, by key, in <c>Text.resx</c> (English) and <c>Text.zh-CN.resx</c> (Simplified Chinese); read through <c>IStringLocalizer&lt;Text&gt;</c>.</summary>
public sealed class Text;
