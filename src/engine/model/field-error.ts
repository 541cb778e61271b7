/** One problem with an input, naming the field: `hosts[2] (pg-primary).endpoint: is not host:port ...`. */
export interface FieldError {
  path: string;
  message: string;
}

