/** Small generator configurations the tests submit. */
export function peopleConfig(rows: number) {
  return {
    tables: [
      {
        name: 'people',
        rows,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'name', type: 'full_name' },
          { name: 'email', type: 'email' },
          { name: 'age', type: 'age' },
        ],
      },
    ],
  };
}

/** A config whose expression fails on row 5001 (a string where an integer is due). */
export const failingConfig = {
  tables: [
    {
      name: 'people',
      rows: 20_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'bad', type: 'expression', expression: "if(id > 5000, 'oops', id)", resultType: 'integer' },
      ],
    },
  ],
};
