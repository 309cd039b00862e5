using System.Globalization;
using Orderly.Application.Common;

namespace Orderly.Server.Ui;

/// <summary>
/// How pages write instants: on the business time zone's wall clock (<see cref="BusinessClock"/>, ADR 0012), in the
/// page's culture (short date and time: <c>12/7/2026 1:00 PM</c> in English, <c>2026/12/7 13:00</c> in Chinese); none is <c>—</c>.
/// </summary>
public sealed class UiClock(BusinessClock clock)
{
    public DateTimeOffset Now => clock.Now;

    public string When(DateTimeOffset? instant) => instant is { } at ? clock.Local(at).ToString("g", CultureInfo.CurrentCulture) : "—";
}
