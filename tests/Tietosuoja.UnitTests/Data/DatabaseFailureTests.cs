using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tietosuoja.Web.Data;

namespace Tietosuoja.UnitTests.Data;

/// <summary>Only a database that cannot be used right now earns "try again shortly"; a fault of the portal stays a fault.</summary>
public sealed class DatabaseFailureTests
{
    [Theory]
    [InlineData(5)] // SQLITE_BUSY: another connection holds the lock
    [InlineData(6)] // SQLITE_LOCKED
    [InlineData(10)] // SQLITE_IOERR
    [InlineData(14)] // SQLITE_CANTOPEN: the file is gone
    public void Sqlite_lock_and_file_errors_are_unavailability(int code)
    {
        Assert.True(DatabaseFailure.IsUnavailable(new SqliteException("x", code)));
        Assert.True(DatabaseFailure.IsUnavailable(new DbUpdateException("saving", new SqliteException("x", code))));
    }

    [Theory]
    [InlineData(1)] // SQLITE_ERROR: bad SQL
    [InlineData(19)] // SQLITE_CONSTRAINT
    public void Sqlite_errors_that_fail_every_time_are_not(int code) =>
        Assert.False(DatabaseFailure.IsUnavailable(new DbUpdateException("saving", new SqliteException("x", code))));

    [Fact]
    public void Timeouts_and_exhausted_retries_are_unavailability_other_exceptions_are_not()
    {
        Assert.True(DatabaseFailure.IsUnavailable(new TimeoutException()));
        Assert.True(DatabaseFailure.IsUnavailable(new RetryLimitExceededException("retried", new TimeoutException())));
        Assert.True(DatabaseFailure.IsUnavailable(new InvalidOperationException("wrapped", new SqliteException("x", 5))));
        Assert.False(DatabaseFailure.IsUnavailable(new DbUpdateConcurrencyException("changed meanwhile", new SqliteException("x", 5))));
        Assert.False(DatabaseFailure.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(DatabaseFailure.IsUnavailable(new ArgumentException("a bug")));
    }
}
