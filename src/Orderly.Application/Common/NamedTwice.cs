using Orderly.Domain.Common;

namespace Orderly.Application.Common;

/// <summary>
/// The rule for a resource a request may name two ways, by id and by code (the customer of an order,
/// <c>customerId</c>/<c>customerCode</c>; the supplier of a purchase order or of the purchase order list,
/// <c>supplierId</c>/<c>supplierCode</c>): the id decides which one it is, and a code sent beside it must be that
/// resource's code (compared exactly, after trimming), or the request is refused with 400 <see cref="Code"/> and a
/// field error on both names. Nothing is guessed: the id is not silently preferred over a contradicting code.
/// </summary>
public static class NamedTwice
{
    public const string Code = "request.names_disagree";

    /// <summary>Throws <see cref="InvalidInput"/> when <paramref name="code"/> is given and is not <paramref name="actualCode"/>.</summary>
    /// <param name="what">the resource in words, e.g. "customer"</param>
    /// <param name="idField">the name of the id in the request, e.g. "customerId"</param>
    /// <param name="id">the id sent, which found the resource</param>
    /// <param name="codeField">the name of the code in the request, e.g. "customerCode"</param>
    /// <param name="code">the code sent beside the id, if any</param>
    /// <param name="actualCode">the code of the resource the id names</param>
    public static void EnsureAgree(string what, string idField, Guid id, string codeField, string? code, string actualCode)
    {
        if (string.IsNullOrWhiteSpace(code) || string.Equals(code.Trim(), actualCode, StringComparison.Ordinal)) return;
        var message = $"'{idField}' names {what} {actualCode} ({id}), but '{codeField}' says '{code.Trim()}'. " +
                      $"Send one of them, or both naming the same {what}.";
        throw new InvalidInput(Code, message, new Dictionary<string, string[]> { [idField] = [message], [codeField] = [message] });
    }
}
