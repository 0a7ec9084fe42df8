// Code for the functions named in reviews.yaml. A custom column's function gets the row (and
// generator_params) and returns the row with its column, as Data Designer's @custom_column_generator does;
// the metadata property plays the decorator's part.
export function compute_weighted_score(row, generatorParams) {
  const w = generatorParams.quality_weight;
  return { ...row, weighted_score: Math.round((row.quality * w + row.helpfulness * (1 - w)) * 100) / 100 };
}
compute_weighted_score.custom_column_metadata = { required_columns: ['quality', 'helpfulness'] };

// A local_callable validator: the batch's target records in, one {is_valid, ...} per record out.
export function isConsistent(rows) {
  return rows.map((r) => ({ is_valid: r.weighted_score >= 1 && r.weighted_score <= 5 && r.review_length > 0, score: r.weighted_score }));
}
