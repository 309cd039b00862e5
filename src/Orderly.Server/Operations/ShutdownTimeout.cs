using System.Globalization;

namespace Orderly.Server.Operations;

/// <summary>
/// <c>Orderly:ShutdownTimeoutSeconds</c> (default 30, fractions allowed): on SIGTERM (or Ctrl+C) the server stops taking
/// connections, lets the requests in flight finish and the background workers end their batch, and waits at most this
/// long for them (the host's <see cref="HostOptions.ShutdownTimeout"/>, which Kestrel's drain also honours).
/// </summary>
internal static class ShutdownTimeout
{
    public const string Setting = "Orderly:ShutdownTimeoutSeconds";
    private const double DefaultSeconds = 30;

    /// <summary>The configured timeout; a value that is not a number of seconds above 0 gives the default and a <paramref name="problem"/> naming the setting, which stops the start.</summary>
    public static TimeSpan Of(IConfiguration configuration, out string? problem)
    {
        var text = configuration[Setting];
        problem = null;
        if (text is null) return TimeSpan.FromSeconds(DefaultSeconds);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600)
            return TimeSpan.FromSeconds(seconds);
        problem = $"{Setting} is '{text}'; it is how long a stop waits for requests in flight and background batches, in seconds above 0 and at most 3600 (for example 30).";
        return TimeSpan.FromSeconds(DefaultSeconds);
    }
}
