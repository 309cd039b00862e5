using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orderly.Application;
using Orderly.Application.Common;

namespace Orderly.Server.Operations;

/// <summary>
/// OpenTelemetry (ADR 0016). Metrics are served for Prometheus at <see cref="MetricsPath"/>: ASP.NET Core's
/// (<c>http_server_request_duration_seconds</c>, active requests, Kestrel connections) and the meter "Orderly"
/// (<c>orderly_orders{status}</c>, <c>orderly_reservation_conflicts_total{kind}</c>, <c>orderly_write_queue_*</c>,
/// <c>orderly_promise_queue_length</c>). Each server reports only the instruments of its own service provider, so two
/// servers in one process (the tests) do not mix. Traces of the requests are exported over OTLP only when
/// <see cref="OtlpSetting"/> names a collector's OTLP/HTTP traces URL (e.g.
/// <c>http://localhost:4318/v1/traces</c>); otherwise none are recorded.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";
    public const string OtlpSetting = "Orderly:OtlpTracesEndpoint";

    /// <summary>
    /// The OTLP endpoint traces go to, or null (unset); a value that is not an absolute http(s) URL gives null and a
    /// <paramref name="problem"/> naming the setting, which stops the start (Program.cs).
    /// </summary>
    public static Uri? TracesEndpointOf(IConfiguration configuration, out string? problem)
    {
        var text = configuration[OtlpSetting];
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        problem = $"{OtlpSetting} is '{text}'; it is the OpenTelemetry collector traces are sent to, an absolute http(s) URL such as http://localhost:4318/v1/traces (or unset: no traces).";
        return null;
    }

    /// <summary>Seconds, from a free turn to the 15 s bound (the SDK's default buckets are for milliseconds).</summary>
    private static readonly double[] WaitBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

    public static void AddTelemetry(this IServiceCollection services, Uri? tracesEndpoint)
    {
        services.AddSingleton(sp => new BookGauges(OrderlyServices.OrderlyMeter(sp), sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<ServerReadiness>(), sp.GetRequiredService<ILogger<BookGauges>>()));
        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("orderly"));
        otel.WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(WriteGate.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        services.ConfigureOpenTelemetryMeterProvider((sp, builder) =>
        {
            sp.GetRequiredService<BookGauges>(); // its gauges exist from the first scrape
            var own = sp.GetRequiredService<IMeterFactory>();
            // One view for every instrument: a second view matching by name would report every server's instrument again.
            builder.AddView(instrument => !ReferenceEquals(instrument.Meter.Scope, own) ? MetricStreamConfiguration.Drop
                : instrument.Name == "orderly.write_queue.wait" ? new ExplicitBucketHistogramConfiguration { Boundaries = WaitBuckets }
                : null);
        });
        if (tracesEndpoint is not null)
            otel.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter(o =>
            {
                o.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = tracesEndpoint;
            }));
    }

    /// <summary>Serves <see cref="MetricsPath"/> in Prometheus' text format; not part of the OpenAPI document.</summary>
    public static void MapMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription().AllowAnonymous();
}
