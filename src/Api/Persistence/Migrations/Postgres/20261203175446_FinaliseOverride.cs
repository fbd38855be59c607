using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compensation.Api.Persistence.Migrations.Postgres
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
                type: "text",
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
