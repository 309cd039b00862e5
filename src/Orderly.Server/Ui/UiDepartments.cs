using Orderly.Application.Common;
using Orderly.Domain.People;

namespace Orderly.Server.Ui;

/// <summary>The departments whose queues a page shows the caller: the roles it holds that have work queues (<see cref="RoleNames.HasWorkQueue"/>), in the table's order.</summary>
internal static class UiDepartments
{
    public static IReadOnlyList<string> Of(Caller caller) =>
        [.. (caller.Roles ?? Enum.GetValues<Role>().ToHashSet()).Where(r => r.HasWorkQueue()).Order().Select(r => r.ToName())];
}
