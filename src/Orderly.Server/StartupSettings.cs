using System.ComponentModel;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Server.Demo;
using Orderly.Server.Http;
using Orderly.Server.Replenishment;
using Orderly.Server.Sales;

namespace Orderly.Server;

/// <summary>
/// Reads the "Orderly" section into <see cref="OrderlyOptions"/>, or says which setting is wrong. A value the server
/// cannot read (an unknown <c>Orderly:Database</c>, <c>Orderly:Sourcing</c> or <c>Orderly:MoneyMidpoint</c>, a number
/// that is no number, also in the settings read outside <see cref="OrderlyOptions"/>) stops the start with one line
/// naming the setting, instead of a stack trace (at start, or later when a background service reads it), or, for an enum
/// given as a number, instead of running with a value that means nothing.
/// </summary>
internal static class StartupSettings
{
    public const string Section = "Orderly";

    /// <summary>Settings that Program.cs and the background services read by key, with the type they read them as.</summary>
    private static readonly (string Key, Type Type)[] ReadByKey =
    [
        ("Orderly:SeedDemo", typeof(bool)), (ShiftedClock.Setting, typeof(int)), (ReplenishmentScanService.IntervalSetting, typeof(int)),
        (PromiseRefreshService.DelaySetting, typeof(int)), (Orderly.Server.Workflow.SlaWatchService.IntervalSetting, typeof(int)),
    ];

    public static bool TryRead(IConfiguration configuration, out OrderlyOptions options, out string problem)
    {
        options = new OrderlyOptions();
        var section = configuration.GetSection(Section);
        foreach (var property in typeof(OrderlyOptions).GetProperties().Where(p => p.PropertyType.IsEnum && p.CanWrite))
        {
            var value = section[property.Name];
            if (value is null) continue;
            var names = Enum.GetNames(property.PropertyType);
            if (!names.Any(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                problem = $"{Section}:{property.Name} is '{value}'; it must be one of {string.Join(", ", names)} (any case).";
                return false;
            }
        }
        foreach (var (key, type) in ReadByKey)
        {
            if (configuration[key] is { } value && !Readable(value, type))
            {
                problem = $"{key} is '{value}'; it must be {(type == typeof(bool) ? "true or false" : "a whole number")}.";
                return false;
            }
        }
        PromiseRefreshService.ShareOf(configuration, out var shareProblem);
        RateLimitSettings.Of(configuration, out var rateLimitProblem);
        KnownProxies.Of(configuration, out var proxiesProblem);
        if ((shareProblem ?? rateLimitProblem ?? proxiesProblem ?? People.FirstAdministrator.ProblemWith(configuration)) is { } settingProblem)
        {
            problem = settingProblem;
            return false;
        }
        try
        {
            options = section.Get<OrderlyOptions>() ?? new OrderlyOptions();
        }
        catch (InvalidOperationException e)
        {
            problem = e.Message; // the binder names the value, the setting and the type it wanted
            return false;
        }
        if (options.ConflictRetries is < 0 or > ConflictRetries.MaxAllowed)
        {
            problem = $"{Section}:{nameof(OrderlyOptions.ConflictRetries)} is {options.ConflictRetries}; it must be a whole number from 0 to {ConflictRetries.MaxAllowed}.";
            return false;
        }
        if (options.WriteTurns is { } turns && (turns is < 1 or > OrderlyOptions.MaxWriteTurns
                                                || (turns > 1 && options.Database != DatabaseProvider.PostgreSql)))
        {
            problem = options.Database == DatabaseProvider.PostgreSql
                ? $"{Section}:{nameof(OrderlyOptions.WriteTurns)} is {turns}; it is how many writes run at once, a whole number from 1 to {OrderlyOptions.MaxWriteTurns} (default {OrderlyOptions.DefaultPostgresWriteTurns})."
                : $"{Section}:{nameof(OrderlyOptions.WriteTurns)} is {turns}, but SQLite admits one writer at a time: leave it out (or 1), or run on PostgreSQL.";
            return false;
        }
        if (options.LeaseSeconds is not (>= 1 and <= 3600))
        {
            problem = $"{Section}:{nameof(OrderlyOptions.LeaseSeconds)} is '{section[nameof(OrderlyOptions.LeaseSeconds)]}'; it is how long a background job's lease lasts, in seconds, a number from 1 to 3600 (for example 30).";
            return false;
        }
        problem = "";
        return true;
    }

    private static bool Readable(string value, Type type)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
