using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Orderly.Server.Operations;

/// <summary>
/// The console log, written by Serilog (ADR 0016). <c>Orderly:LogFormat</c> picks the shape: <c>Text</c> (default, one
/// readable line per entry: time, level, category, message) or <c>Json</c> (one JSON object per line, CLEF:
/// <c>@t</c> time, <c>@m</c> message, <c>@i</c> event id, <c>@l</c> level when not Information, <c>@x</c> exception,
/// <c>@tr</c>/<c>@sp</c> the W3C trace and span id of the request it was written in, <c>SourceContext</c> the category,
/// and the message's named values). What is written is still decided by the usual <c>Logging:LogLevel</c> settings
/// (and <c>Orderly:LogSql</c>): Serilog only writes.
/// </summary>
internal static class ConsoleLogs
{
    public const string FormatSetting = "Orderly:LogFormat";

    public enum Format { Text, Json }

    private const string TextTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {SourceContext}: {Message:l}{NewLine}{Exception}";

    /// <summary>
    /// The configured format; a value other than Text or Json (any case) gives Text and a <paramref name="problem"/>
    /// naming the setting, which stops the start (Program.cs).
    /// </summary>
    public static Format FormatOf(IConfiguration configuration, out string? problem)
    {
        var text = configuration[FormatSetting];
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return Format.Text;
        if (Enum.TryParse<Format>(text, ignoreCase: true, out var format) && Enum.IsDefined(format)) return format;
        problem = $"{FormatSetting} is '{text}'; it is how the console log is written: Text (readable lines, the default) or Json (one JSON object per line).";
        return Format.Text;
    }

    /// <summary>Replaces the default console logger with Serilog writing <paramref name="format"/> to the console (or to a registered <see cref="LogOutput"/>).</summary>
    public static void AddConsoleLogs(this WebApplicationBuilder builder, Format format)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILoggerProvider>(services =>
        {
            var output = services.GetService<LogOutput>()?.Writer ?? Console.Out;
            ITextFormatter formatter = format == Format.Json ? new RenderedCompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate);
            var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new LineSink(formatter, output)).CreateLogger();
            return new SerilogLoggerProvider(logger, dispose: true);
        });
    }
}

/// <summary>Writes each entry whole, one at a time, so lines from concurrent requests never interleave.</summary>
internal sealed class LineSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        var line = new StringWriter();
        formatter.Format(logEvent, line);
        lock (_lock)
        {
            output.Write(line.ToString());
            output.Flush();
        }
    }
}

/// <summary>Where the console log goes instead of the console, when registered (the tests read it).</summary>
internal sealed record LogOutput(TextWriter Writer);
