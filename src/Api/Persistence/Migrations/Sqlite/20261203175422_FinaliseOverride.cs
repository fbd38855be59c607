using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compensation.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FinaliseOverride : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FinaliseOverride",
                table: "settlement_runs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinaliseOverride",
                table: "settlement_runs");
        }
    }
}
